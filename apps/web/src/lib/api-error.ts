import type { ApiErrorData } from '@ctp/contracts';
import { TRPCClientError } from '@trpc/client';
import type { FormInstance } from 'antd';

/** The server's localised error (error.data.ctp), or a generic one for network failures. */
export function apiError(error: unknown, fallback: string): ApiErrorData {
  if (error instanceof TRPCClientError) {
    const ctp = (error.data as { ctp?: ApiErrorData } | undefined)?.ctp;
    if (ctp) return ctp;
  }
  return { code: 'INTERNAL', detail: 'INTERNAL_ERROR', message: fallback };
}

/** Puts the server's field errors on the form's fields; returns the message for the rest. */
export function applyFieldErrors(form: FormInstance, error: ApiErrorData): void {
  if (!error.fieldErrors?.length) return;
  form.setFields(
    error.fieldErrors.map((f) => ({
      name: f.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      errors: [f.message],
    })),
  );
}
