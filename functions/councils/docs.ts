/**
 * `GET /api/docs`: the OpenAPI document as a plain page a council's developer can read: each operation with its
 * scope, parameters, request and response schemas. Server-rendered from the same document as
 * `/api/openapi.json`, with no script and nothing from another site.
 */
const html = (text: unknown) =>
  String(text).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

type Doc = {
  info: { title: string; description: string; version: string };
  servers: Array<{ url: string }>;
  paths: Record<string, Record<string, Operation>>;
  components: {
    securitySchemes: Record<
      string,
      { flows: { clientCredentials: { tokenUrl: string; scopes: Record<string, string> } } }
    >;
  };
};
type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  security: Array<Record<string, string[]>>;
  parameters?: Array<{ name: string; in: string; required: boolean; description?: string; schema: unknown }>;
  requestBody?: { content: { 'application/json': { schema: unknown } } };
  responses: Record<string, { description: string; content?: { 'application/json': { schema: unknown } } }>;
};

const schemaBlock = (schema: unknown) => `<pre class="schema">${html(JSON.stringify(schema, null, 2))}</pre>`;

function operationSection(path: string, method: string, op: Operation): string {
  const scopes = op.security.flatMap((requirement) => Object.values(requirement).flat());
  const parameters = op.parameters ?? [];
  return `<section id="${html(op.operationId)}">
  <h3><code>${html(method.toUpperCase())} ${html(path)}</code></h3>
  <p>${html(op.summary)}</p>
  ${op.description ? `<p>${html(op.description)}</p>` : ''}
  <p><strong>Scope:</strong> ${scopes.length > 0 ? scopes.map((scope) => `<code>${html(scope)}</code>`).join(', ') : 'any valid token'}</p>
  ${
    parameters.length > 0
      ? `<table><caption>Parameters</caption><thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Required</th><th scope="col">Description</th></tr></thead><tbody>${parameters
          .map(
            (p) =>
              `<tr><td><code>${html(p.name)}</code></td><td>${html(p.in)}</td><td>${p.required ? 'yes' : 'no'}</td><td>${html(p.description ?? '')}</td></tr>`,
          )
          .join('')}</tbody></table>`
      : ''
  }
  ${op.requestBody ? `<h4>Request body (JSON)</h4>${schemaBlock(op.requestBody.content['application/json'].schema)}` : ''}
  <h4>Responses</h4>
  <dl>${Object.entries(op.responses)
    .map(
      ([status, response]) =>
        `<dt>${html(status)}</dt><dd>${html(response.description)}${
          response.content && !status.startsWith('4')
            ? schemaBlock(response.content['application/json'].schema)
            : ''
        }</dd>`,
    )
    .join('')}</dl>
</section>`;
}

export function docsPage(document: Record<string, unknown>): string {
  const doc = document as unknown as Doc;
  const flow = Object.values(doc.components.securitySchemes)[0]?.flows.clientCredentials;
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(doc.info.title)}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 0 auto; padding: 1rem; line-height: 1.5; color: #0b0c0c; }
code, pre { font-family: ui-monospace, monospace; }
pre.schema { background: #f3f2f1; padding: 0.75rem; overflow-x: auto; font-size: 0.85rem; }
section { border-top: 1px solid #b1b4b6; margin-top: 2rem; }
table { border-collapse: collapse; } th, td { text-align: left; padding: 0.25rem 0.75rem 0.25rem 0; vertical-align: top; }
dt { font-weight: bold; }
</style>
</head>
<body>
<main>
<h1>${html(doc.info.title)} <small>v${html(doc.info.version)}</small></h1>
<p>${html(doc.info.description)}</p>
<p>The machine-readable contract: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Server: <code>${html(doc.servers[0]?.url ?? '')}</code></p>
<h2>Getting a token</h2>
<pre>curl -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials ${html(flow?.tokenUrl ?? '')}</pre>
<p>Scopes:</p>
<ul>${Object.entries(flow?.scopes ?? {})
    .map(([scope, description]) => `<li><code>${html(scope)}</code>: ${html(description)}</li>`)
    .join('')}</ul>
<h2>Operations</h2>
<ul>${operations
    .map(
      ({ path, method, op }) =>
        `<li><a href="#${html(op.operationId)}"><code>${html(method.toUpperCase())} ${html(path)}</code></a>: ${html(op.summary)}</li>`,
    )
    .join('')}</ul>
${operations.map(({ path, method, op }) => operationSection(path, method, op)).join('\n')}
</main>
</body>
</html>`;
}
