import { useTranslation } from 'react-i18next';

/** An organisation's name in the UI language, falling back to Chinese when no English name is on file. */
export function orgLabel(
  org: { orgName?: string; orgNameEn?: string | null; nameZh?: string; nameEn?: string | null },
  lang: string,
): string {
  const zh = org.orgName ?? org.nameZh ?? '';
  const en = org.orgNameEn ?? org.nameEn ?? null;
  return lang === 'en' && en ? en : zh;
}

export function OrgName(props: Parameters<typeof orgLabel>[0]) {
  const { i18n } = useTranslation();
  return <>{orgLabel(props, i18n.language)}</>;
}
