-- Full-text index of hospitals for site search (DESIGN §6). One document per hospital, rebuilt by the app in the
-- same transaction as any profile change. CJK text is stored with a space between characters so that unicode61
-- indexes single characters and a query phrase such as "肿 瘤" finds two-character terms (trigram cannot).
CREATE VIRTUAL TABLE `hospital_search` USING fts5(
	`hospital_id` UNINDEXED,
	`names`,
	`specialties`,
	`diseases`,
	`investigators`,
	`capabilities`,
	`initials`,
	tokenize = 'unicode61 remove_diacritics 2'
);
