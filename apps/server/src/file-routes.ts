import { createReadStream, existsSync } from 'node:fs';
import { describeError, toTrpcError } from '@ctp/api';
import { type DOCUMENT_KINDS, ERROR_HTTP_STATUS, type Locale, pickLocale } from '@ctp/contracts';
import type { Db } from '@ctp/db';
import {
  type ActorCtx,
  DomainError,
  openInquiryAttachment,
  openRecognitionLetter,
  openSubmissionDocument,
  openSubmissionLetter,
  resolveSession,
  SESSION_COOKIE,
  type Services,
  type SessionSettings,
  uploadInquiryAttachment,
  uploadSubmissionDocument,
} from '@ctp/domain';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

type Options = {
  db: Db;
  services: Services;
  session: SessionSettings;
  now: () => number;
  maxUploadBytes: number;
};

/** The CSP of every file served (inline PDFs above all), instead of the app's. */
export const FILE_CSP = "sandbox; default-src 'none'; frame-ancestors 'self'";

/** Pure: a Content-Disposition value with an ASCII fallback and the RFC 5987 UTF-8 name (中文 file names survive). */
export function contentDisposition(type: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Sends a stored file: PDFs inline (viewed in the browser) unless `?download=1` asks for a download. */
export function sendFile(
  req: FastifyRequest,
  reply: FastifyReply,
  file: { path: string; mimeType: string; fileName: string; sizeBytes: number; sha256: string },
) {
  if (!existsSync(file.path)) throw new Error(`stored file missing: ${file.path}`);
  const download = (req.query as { download?: string } | undefined)?.download === '1';
  const isPdf = file.mimeType === 'application/pdf' && !download;
  reply
    .header('content-type', file.mimeType)
    .header('content-length', String(file.sizeBytes))
    .header('content-disposition', contentDisposition(isPdf ? 'inline' : 'attachment', file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header('etag', `"${file.sha256}"`);
  // A stored file is untrusted content: sandboxed, loading nothing (a PDF's scripts, forms and links go nowhere).
  // Chromium's PDF viewer still displays under it (test/e2e/pdf-inline.e2e.test.ts looks).
  reply.header('content-security-policy', FILE_CSP);
  return reply.send(createReadStream(file.path));
}

/**
 * Files of the ethics review over plain HTTP (tRPC carries JSON only): upload a submission document (multipart),
 * download a document version or a letter. Same session cookie as tRPC; the cross-origin POST check in app.ts
 * covers `/api` too. Every decision about who may do what is the use-case's.
 */
export async function registerFileRoutes(app: FastifyInstance, opts: Options) {
  await app.register(fastifyMultipart, {
    limits: { fileSize: opts.maxUploadBytes, files: 1, fields: 10, fieldSize: 1024, parts: 12 },
  });

  const localeOf = (req: FastifyRequest): Locale =>
    pickLocale((req.headers['x-ctp-locale'] as string | undefined) ?? req.headers['accept-language']);

  function ctxOf(req: FastifyRequest): ActorCtx {
    const session = resolveSession(opts.db, req.cookies[SESSION_COOKIE], opts.now(), opts.session);
    if (!session?.actor) throw new DomainError('UNAUTHENTICATED', 'NOT_SIGNED_IN');
    return {
      actor: session.actor,
      db: opts.db,
      now: opts.now,
      requestId: req.id,
      locale: localeOf(req),
      ip: req.ip ?? null,
      userAgent: req.headers['user-agent'] ?? null,
      services: opts.services,
    };
  }

  function sendError(req: FastifyRequest, reply: FastifyReply, error: unknown) {
    const data = describeError(toTrpcError(error), localeOf(req), req.id);
    if (data.code === 'INTERNAL') req.log.error({ err: error }, 'file route failed');
    return reply.code(ERROR_HTTP_STATUS[data.code]).send({ error: data });
  }

  /** Reads one file and the text fields of a multipart upload (a second file is drained and ignored). */
  async function readUpload(req: FastifyRequest) {
    if (!req.isMultipart())
      throw new DomainError('VALIDATION', 'VALIDATION_FAILED', {
        fieldErrors: [{ path: 'file', message: 'VALIDATION_FAILED' }],
      });
    const fields: Record<string, string> = {};
    let file: { bytes: Buffer; filename: string; truncated: boolean } | undefined;
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (file) {
          await part.toBuffer().catch(() => undefined);
          continue;
        }
        let bytes: Buffer;
        let truncated = false;
        try {
          bytes = await part.toBuffer();
        } catch (e) {
          if ((e as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw e;
          bytes = Buffer.alloc(0);
          truncated = true;
        }
        file = { bytes, filename: part.filename, truncated: truncated || part.file.truncated };
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
    if (!file)
      throw new DomainError('VALIDATION', 'FILE_EMPTY', { fieldErrors: [{ path: 'file', message: 'FILE_EMPTY' }] });
    return { fields, file };
  }

  /** An upload's refusal: the transport's own limit (CTP_UPLOAD_MAX_MB) stops reading; say so as the use-case would. */
  function sendUploadError(req: FastifyRequest, reply: FastifyReply, e: unknown) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      return sendError(
        req,
        reply,
        new DomainError('VALIDATION', 'FILE_TOO_LARGE', {
          params: { maxMb: Math.round(opts.maxUploadBytes / (1024 * 1024)) },
          fieldErrors: [{ path: 'file', message: 'FILE_TOO_LARGE' }],
        }),
      );
    return sendError(req, reply, e);
  }

  app.post<{ Params: { id: string } }>('/api/files/submissions/:id/documents', async (req, reply) => {
    try {
      const ctx = ctxOf(req);
      const { fields, file } = await readUpload(req);
      const result = await uploadSubmissionDocument({
        ctx,
        input: {
          submissionId: req.params.id,
          fields: {
            kind: fields.kind as (typeof DOCUMENT_KINDS)[number],
            versionLabel: fields.versionLabel ?? '',
            versionDate: fields.versionDate ?? '',
          },
        },
        file,
      });
      return reply.code(201).send(result);
    } catch (e) {
      return sendUploadError(req, reply, e);
    }
  });

  /** An attachment to the trial office's answer to a feasibility inquiry (issue 14). */
  app.post<{ Params: { id: string } }>('/api/files/inquiries/:id/attachments', async (req, reply) => {
    try {
      const ctx = ctxOf(req);
      const { file } = await readUpload(req);
      const result = await uploadInquiryAttachment({ ctx, input: { inquiryId: req.params.id }, file });
      return reply.code(201).send(result);
    } catch (e) {
      return sendUploadError(req, reply, e);
    }
  });

  app.get<{ Params: { id: string } }>('/api/files/inquiry-attachments/:id', async (req, reply) => {
    try {
      return sendFile(req, reply, openInquiryAttachment({ ctx: ctxOf(req), attachmentId: req.params.id }));
    } catch (e) {
      return sendError(req, reply, e);
    }
  });

  app.get<{ Params: { id: string } }>('/api/files/documents/:id', async (req, reply) => {
    try {
      return sendFile(req, reply, openSubmissionDocument({ ctx: ctxOf(req), documentId: req.params.id }));
    } catch (e) {
      return sendError(req, reply, e);
    }
  });

  app.get<{ Params: { id: string } }>('/api/files/recognition-letters/:id', async (req, reply) => {
    try {
      return sendFile(req, reply, await openRecognitionLetter({ ctx: ctxOf(req), requestId: req.params.id }));
    } catch (e) {
      return sendError(req, reply, e);
    }
  });

  app.get<{ Params: { submissionId: string } }>('/api/files/letters/:submissionId', async (req, reply) => {
    try {
      return sendFile(req, reply, openSubmissionLetter({ ctx: ctxOf(req), submissionId: req.params.submissionId }));
    } catch (e) {
      return sendError(req, reply, e);
    }
  });
}
