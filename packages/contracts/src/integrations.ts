import { z } from 'zod';
import { bi } from './i18n/validation-messages.ts';
import type { Role } from './roles.ts';

/**
 * Open interfaces (issue 17): API tokens for hospital and sponsor systems, and webhooks. A token acts for one
 * organisation in one role; never an ethics-committee role, so nothing it can call reaches deliberation.
 */
export const TOKEN_ROLES = ['sponsor', 'site_admin', 'commission'] as const satisfies readonly Role[];
export type TokenRole = (typeof TOKEN_ROLES)[number];

/** `read` covers every GET of `/api/v1`; each write of the REST API needs its own scope. */
export const TOKEN_SCOPES = ['read', 'trialSites.recordMilestone', 'trialSites.recordEnrolment'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** Tokens live at most two years; a token that never expires is a token nobody remembers to revoke. */
export const TOKEN_MAX_DAYS = 730;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, bi('日期格式为 YYYY-MM-DD', 'Use the date format YYYY-MM-DD'));

export const tokensCreateInput = z.object({
  name: z.string().trim().min(2).max(80),
  role: z.enum(TOKEN_ROLES),
  scopes: z
    .array(z.enum(TOKEN_SCOPES))
    .min(1)
    .max(TOKEN_SCOPES.length)
    .refine((s) => new Set(s).size === s.length, { message: bi('权限范围重复', 'A scope is listed twice') }),
  /** The last Beijing day the token works. */
  expiresAt: isoDate,
});
export type TokensCreateInput = z.input<typeof tokensCreateInput>;
export const tokenIdInput = z.object({ id: z.string().min(1).max(64) });

export type ApiTokenView = {
  id: string;
  name: string;
  role: TokenRole;
  scopes: TokenScope[];
  /** The first characters of the token, so a person can tell tokens apart; the rest is never stored. */
  prefix: string;
  expiresAt: string;
  createdAt: number;
  createdByName: string;
  lastUsedAt: number | null;
  lastUsedIp: string | null;
  revokedAt: number | null;
  status: 'active' | 'expired' | 'revoked';
};

export const WEBHOOK_EVENTS = [
  'inquiry.received',
  'site.state_changed',
  'submission.decided',
  'recognition.opened',
  'recognition.decided',
  'letter.issued',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const webhooksCreateInput = z.object({
  url: z
    .string()
    .trim()
    .max(500)
    .url(bi('请输入完整的 http(s) 地址', 'Enter a full http(s) address'))
    .refine((u) => /^https?:\/\//i.test(u), {
      message: bi('地址须以 http:// 或 https:// 开头', 'The address must start with http:// or https://'),
    }),
  events: z
    .array(z.enum(WEBHOOK_EVENTS))
    .min(1)
    .max(WEBHOOK_EVENTS.length)
    .refine((s) => new Set(s).size === s.length, { message: bi('事件重复', 'An event is listed twice') }),
});
export type WebhooksCreateInput = z.input<typeof webhooksCreateInput>;
export const webhookIdInput = z.object({ webhookId: z.string().min(1).max(64) });

export const DELIVERY_STATES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];
/** Attempts before a delivery is given up (the backoff doubles from 10 s to at most an hour). */
export const WEBHOOK_MAX_ATTEMPTS = 10;

export type WebhookView = {
  id: string;
  url: string;
  events: WebhookEvent[];
  createdAt: number;
  createdByName: string;
  disabledAt: number | null;
  pending: number;
  delivered: number;
  failed: number;
};

export type WebhookDeliveryView = {
  id: string;
  event: WebhookEvent;
  state: DeliveryState;
  attempts: number;
  createdAt: number;
  lastAttemptAt: number | null;
  nextAttemptAt: number | null;
  deliveredAt: number | null;
  lastStatus: number | null;
  lastError: string | null;
};
