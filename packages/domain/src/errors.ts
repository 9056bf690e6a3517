import type { ErrorCode, ErrorDetail, MessageParam } from '@ctp/contracts';

/** The one error type of the domain (CONVENTIONS §7); the API maps it once to tRPC/HTTP. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly detail: ErrorDetail;
  /** Placeholder values: codes (`term(…)`) are worded in the reader's language when the error is mapped. */
  readonly params: Record<string, MessageParam>;
  readonly fieldErrors: { path: string; message: string }[] | undefined;

  constructor(
    code: ErrorCode,
    detail: ErrorDetail,
    options: {
      params?: Record<string, MessageParam>;
      fieldErrors?: { path: string; message: string }[];
      cause?: unknown;
    } = {},
  ) {
    super(detail, { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.detail = detail;
    this.params = options.params ?? {};
    this.fieldErrors = options.fieldErrors;
  }
}

export const notFound = (detail: ErrorDetail = 'NOT_FOUND') => new DomainError('NOT_FOUND', detail);
export const forbidden = (detail: ErrorDetail = 'FORBIDDEN') => new DomainError('FORBIDDEN', detail);
export const conflict = (detail: ErrorDetail = 'STALE_VERSION') => new DomainError('CONFLICT', detail);
