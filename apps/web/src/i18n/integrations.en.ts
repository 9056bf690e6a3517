import type { integrationsZh } from './integrations.zh-CN.ts';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const integrationsEn: Widen<typeof integrationsZh> = {
  title: 'Open interfaces',
  subtitle:
    'Let your CTMS, EC system or data platform read the platform, record progress, and hear of events as they happen',
  docs: 'API reference',
  openapi: 'OpenAPI document',
  tokens: {
    title: 'API tokens',
    intro:
      "A token calls the REST API (/api/v1) in the role you hold in this organisation now. Only its digest is stored: it is shown once, so save it at once. Every call is written to the token's access log; its writes are audited under the token.",
    create: 'Create token',
    empty: 'No tokens yet',
    name: 'Name',
    namePlaceholder: 'e.g. Trial office CTMS',
    role: 'Role',
    scopes: 'Scopes',
    expiresAt: 'Valid until',
    prefix: 'Starts with',
    lastUsed: 'Last used',
    never: 'Never used',
    createdBy: 'Created by',
    status: 'Status',
    statuses: { active: 'Active', expired: 'Expired', revoked: 'Revoked' },
    revoke: 'Revoke',
    revokeConfirm: 'Revoke the token “{{name}}”? Systems using it lose access at once; this cannot be undone.',
    revoked: 'Token revoked',
    shownOnce: 'Token created: copy and save it now',
    shownOnceHelp:
      'Once this window closes the token cannot be shown again. If it is lost, revoke it and create another.',
    copy: 'Copy',
    copied: 'Copied',
    done: 'I have saved it',
    scopeNames: {
      read: 'Read only (every query)',
      'trialSites.recordMilestone': 'Record site milestones',
      'trialSites.recordEnrolment': 'Record screening and enrolment',
    },
  },
  webhooks: {
    title: 'Event notifications (webhooks)',
    intro:
      'When an event happens the platform POSTs to your address, signed with X-CTP-Signature (HMAC-SHA256) and carrying an Idempotency-Key; failures are retried with backoff and survive a server restart.',
    create: 'Add webhook',
    empty: 'No webhooks yet',
    url: 'Receiver URL',
    urlPlaceholder: 'https://ctms.example.cn/ctp-events',
    events: 'Events',
    counts: 'Deliveries',
    countsValue: '{{delivered}} delivered · {{pending}} pending · {{failed}} failed',
    disable: 'Disable',
    disableConfirm: 'Disable the webhook {{url}}? Queued notifications are still delivered; new events are not sent.',
    disabled: 'Disabled',
    active: 'Active',
    deliveries: 'Deliveries',
    secretShown: 'Webhook added: save its signing secret',
    secretHelp:
      'Check X-CTP-Signature with this secret (t=timestamp,v1=HMAC-SHA256(secret, "timestamp.body")). It cannot be shown again once this window closes.',
    eventNames: {
      'inquiry.received': 'Inquiry received',
      'site.state_changed': 'Site state changed',
      'submission.decided': 'Ethics decision made',
      'recognition.opened': 'Recognition request opened',
      'recognition.decided': 'Recognition decided',
      'letter.issued': 'Letter issued',
    },
  },
  deliveries: {
    title: 'Deliveries · {{url}}',
    empty: 'No deliveries yet',
    event: 'Event',
    state: 'State',
    states: { pending: 'Pending', delivered: 'Delivered', failed: 'Given up' },
    attempts: 'Attempts',
    createdAt: 'Raised',
    lastAttempt: 'Last attempt',
    nextAttempt: 'Next attempt',
    result: 'Result',
    key: 'Idempotency key',
  },
};
