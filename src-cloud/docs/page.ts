import { cloudEndpoints, type EndpointDef } from '../../src-shared/sync/endpoints';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const AUTH_LABELS = {
  admin: 'admin token',
  device: 'device token',
  public: 'public',
  consumer: 'wallet session',
  provider: 'SMS provider callback token',
} as const;

/** /docs: the endpoint list, readable without scripts or outside assets, and the JSON's link. */
export function renderDocsPage(document: {
  paths: Record<string, Record<string, unknown>>;
}): string {
  const rows = (Object.entries(cloudEndpoints) as [string, EndpointDef][])
    .map(([name, def]) => {
      const op = document.paths[def.path.replace(/:(\w+)/g, '{$1}')]?.[def.method.toLowerCase()];
      return `<section id="${escape(name)}">
  <h3><span class="method ${def.method}">${def.method}</span> <code>${escape(def.path)}</code></h3>
  <p>${escape(def.summary)} · <em>${AUTH_LABELS[def.auth]}</em> · <code>${escape(name)}</code></p>
  <details><summary>Request and answer schemas</summary><pre>${escape(JSON.stringify(op, null, 2))}</pre></details>
</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>StoreDesk cloud API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.5 system-ui,"Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#1f2328}
code,pre{font-family:ui-monospace,Consolas,monospace}pre{background:#f6f8fa;padding:1em;overflow:auto;max-height:32em;font-size:12px}
section{border-top:1px solid #d0d7de;padding:.3em 0}h3{margin:.4em 0;font-size:16px}
.method{display:inline-block;min-width:3.5em;text-align:center;border-radius:4px;color:#fff;font-size:12px;padding:1px 4px}
.GET{background:#1f6feb}.POST{background:#1a7f37}
</style></head>
<body><h1>StoreDesk cloud API</h1>
<p>The machine-readable document: <a href="/docs/openapi.json">/docs/openapi.json</a> (OpenAPI 3.1). Answers are <code>{"ok":true,"data":…}</code> or <code>{"ok":false,"error":{"code","message","details"}}</code>; messages follow <code>Accept-Language</code> (zh-CN, en).</p>
${rows}
</body></html>`;
}
