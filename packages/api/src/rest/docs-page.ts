import { REST_PREFIX } from './rest-handler.ts';
import { REST_ROUTES } from './rest-routes.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * `/api/docs`: the REST API's reference, generated from the same route table as the OpenAPI document (no script, so
 * it works under the app's CSP and offline). Machines read `/api/v1/openapi.json`.
 */
export function renderApiDocsPage(openapi: {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string; required?: boolean; schema?: { type?: unknown; enum?: unknown[] } }[];
        requestBody?: unknown;
      }
    >
  >;
}): string {
  const rows = REST_ROUTES.map((route) => {
    const op = openapi.paths[route.path]?.[route.method.toLowerCase()];
    const params = (op?.parameters ?? [])
      .map((p) => {
        const type = p.schema?.enum ? (p.schema.enum as unknown[]).join(' | ') : String(p.schema?.type ?? 'string');
        return `<li><code>${esc(p.name)}</code> <small>${esc(p.in)}${p.required ? ', required' : ''} · ${esc(type)}</small></li>`;
      })
      .join('');
    return `<section id="${esc(route.operationId)}">
<h3><span class="m ${route.method.toLowerCase()}">${route.method}</span> <code>${esc(REST_PREFIX + route.path)}</code></h3>
<p>${esc(route.summary.zh)}<br><span lang="en">${esc(route.summary.en)}</span></p>
<p><small>scope <code>${esc(route.scope)}</code> · procedure <code>${esc(route.procedure)}</code>${op?.requestBody ? ' · JSON body' : ''}</small></p>
${params ? `<ul>${params}</ul>` : ''}
</section>`;
  }).join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>CTP REST API · 接口文档</title>
<style>
body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1f1f1f;line-height:1.5}
code{background:#f5f5f5;padding:0 .25em;border-radius:3px;word-break:break-all}
section{border-top:1px solid #eee;padding:.5rem 0}
.m{display:inline-block;min-width:3.5em;text-align:center;border-radius:3px;color:#fff;font-size:.8em;padding:.1em .4em}
.get{background:#1677ff}.post{background:#52c41a}
pre{background:#f5f5f5;padding:.75rem;overflow-x:auto}
</style></head><body>
<h1>CTP REST API <small>v1</small></h1>
<p>临床试验协作平台开放接口。机器可读的说明：<a href="${REST_PREFIX}/openapi.json"><code>${REST_PREFIX}/openapi.json</code></a>（OpenAPI 3.1）。<br>
<span lang="en">Open interface of the clinical-trial platform. Machine-readable: the OpenAPI 3.1 document above.</span></p>
<h2>认证 · Authentication</h2>
<p>在“开放接口”页面创建 API 令牌（仅显示一次），请求时带上：<span lang="en">Create an API token on the “Open interfaces” page (shown once) and send it:</span></p>
<pre>curl -H "Authorization: Bearer ctp_…" '${REST_PREFIX}/sites/search?q=肺癌'</pre>
<p>错误为 JSON：<code>{"error":{"code","detail","message","fieldErrors"}}</code>，消息按 <code>Accept-Language</code>（zh-CN / en）本地化。列表按游标分页（<code>limit</code>、<code>cursor</code> → <code>nextCursor</code>）；读取带 <code>ETag</code>，可用 <code>If-None-Match</code>。伦理委员会的审议内容（投票、工作表、会议纪要）不在本接口中。<br>
<span lang="en">Errors are JSON with a stable code and a localised message. Lists page by cursor; reads carry an ETag. EC deliberation is not part of this API.</span></p>
<h2>接口 · Endpoints</h2>
${rows}
</body></html>`;
}
