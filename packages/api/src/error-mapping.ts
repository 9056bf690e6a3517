import {
  type ApiErrorData,
  ERROR_DETAILS,
  type ErrorCode,
  type ErrorDetail,
  errorMessage,
  type Locale,
  MAX_BATCH_CALLS,
  paramsIn,
  validationMessage,
} from '@ctp/contracts';
import { DomainError } from '@ctp/domain';
import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { ZodError } from 'zod';

const TRPC_CODE: Record<ErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  CONFLICT: 'CONFLICT',
  INVALID_TRANSITION: 'CONFLICT',
  PRECONDITION_FAILED: 'PRECONDITION_FAILED',
  VALIDATION: 'BAD_REQUEST',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
};

/** Turns a domain error into the tRPC error that carries the right HTTP status; the formatter localises it. */
export function toTrpcError(error: unknown): TRPCError {
  if (error instanceof TRPCError && error.cause instanceof DomainError) return toTrpcError(error.cause);
  if (error instanceof TRPCError) return error;
  if (error instanceof DomainError)
    return new TRPCError({ code: TRPC_CODE[error.code], message: error.detail, cause: error });
  return new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'INTERNAL_ERROR', cause: error });
}

const FROM_TRPC: Partial<Record<TRPC_ERROR_CODE_KEY, ErrorCode>> = {
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHORIZED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_REQUEST: 'VALIDATION',
  PARSE_ERROR: 'VALIDATION',
  METHOD_NOT_SUPPORTED: 'VALIDATION',
  CONFLICT: 'CONFLICT',
  PRECONDITION_FAILED: 'PRECONDITION_FAILED',
  TOO_MANY_REQUESTS: 'RATE_LIMITED',
};
const DEFAULT_DETAIL: Record<ErrorCode, ErrorDetail> = {
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHENTICATED: 'NOT_SIGNED_IN',
  CONFLICT: 'STALE_VERSION',
  INVALID_TRANSITION: 'FORBIDDEN',
  PRECONDITION_FAILED: 'FORBIDDEN',
  VALIDATION: 'VALIDATION_FAILED',
  RATE_LIMITED: 'TOO_MANY_ATTEMPTS',
  INTERNAL: 'INTERNAL_ERROR',
};

/** The message @trpc/server 11 gives a batch over `maxBatchSize` (checked by test/http/batch-limit.test.ts). */
const TRPC_BATCH_TOO_LARGE = 'Batch call exceeds maximum size';

const isDetail = (s: string): s is ErrorDetail => (ERROR_DETAILS as readonly string[]).includes(s);

/**
 * The one mapping from any thrown error to what the client sees (CONVENTIONS §7): a localised message, the code,
 * the detail code, field errors for validation, and the request id. Unknown errors say nothing of their cause.
 */
export function describeError(error: TRPCError, locale: Locale, requestId: string): ApiErrorData {
  const cause = error.cause;
  if (cause instanceof DomainError) {
    return {
      code: cause.code,
      detail: cause.detail,
      message: errorMessage(locale, cause.detail, { ...paramsIn(locale, cause.params), requestId }),
      requestId,
      ...(cause.fieldErrors && {
        fieldErrors: cause.fieldErrors.map((f) => ({
          path: f.path,
          message: isDetail(f.message) ? errorMessage(locale, f.message, paramsIn(locale, cause.params)) : f.message,
        })),
      }),
      ...(typeof cause.params.retryAfterSeconds === 'number' && { retryAfterSeconds: cause.params.retryAfterSeconds }),
    };
  }
  if (cause instanceof ZodError) {
    return {
      code: 'VALIDATION',
      detail: 'VALIDATION_FAILED',
      message: errorMessage(locale, 'VALIDATION_FAILED'),
      requestId,
      fieldErrors: cause.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: validationMessage(issue as Parameters<typeof validationMessage>[0], locale),
      })),
    };
  }
  // tRPC's own refusal of an oversized batch (trpcOptions.maxBatchSize), raised before any context exists.
  if (error.code === 'BAD_REQUEST' && error.message === TRPC_BATCH_TOO_LARGE) {
    const params = { max: MAX_BATCH_CALLS, requestId };
    return {
      code: 'VALIDATION',
      detail: 'BATCH_TOO_LARGE',
      message: errorMessage(locale, 'BATCH_TOO_LARGE', params),
      requestId,
    };
  }
  // Errors raised by tRPC itself (no procedure, bad JSON, the guards' own refusals).
  const code = FROM_TRPC[error.code] ?? 'INTERNAL';
  const detail: ErrorDetail =
    code === 'INTERNAL' ? 'INTERNAL_ERROR' : isDetail(error.message) ? error.message : DEFAULT_DETAIL[code];
  return { code, detail, message: errorMessage(locale, detail, { requestId }), requestId };
}
