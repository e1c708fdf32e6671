import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../shared/adapters/aws/keys.js';
import { ukMobile } from '../shared/domain/sms.js';
import type { Clock, InboundText, Messaging, OutboundText } from '../shared/ports.js';

export interface ThreadText {
  direction: 'in' | 'out';
  body: string;
  at: string;
}

/**
 * Text messages locally (DESIGN.md §3): there is no SMS sender, so each phone's thread is kept in the table,
 * printed to the terminal as each text is sent, and shown at `/local/sms`, a simulated phone that can reply.
 */
export class LocalTextMessages implements Messaging {
  private sequence = 0;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly clock: Clock,
    private readonly print: (line: string) => void,
  ) {}

  async sendText(text: OutboundText): Promise<void> {
    await this.keep(text.to, 'out', text.body);
    this.print(`text → ${text.to}: ${text.body.split('\n')[0]}`);
  }

  /** Keeps a text the simulated phone sent, and answers it as the inbound channel would deliver it. */
  async received(from: string, body: string): Promise<InboundText> {
    const at = await this.keep(from, 'in', body);
    return { from, body, messageId: randomBytes(12).toString('base64url'), receivedAt: at };
  }

  /** The phone's texts, oldest first. */
  async thread(phone: string, limit = 100): Promise<ThreadText[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :phone',
        ExpressionAttributeValues: { ':phone': keys.textThread(phone) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (Items ?? [])
      .map((item) => ({ direction: item.direction, body: item.body, at: item.at }) as ThreadText)
      .reverse();
  }

  private async keep(phone: string, direction: ThreadText['direction'], body: string): Promise<string> {
    const at = this.clock.now().toISOString();
    this.sequence += 1;
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          pk: keys.textThread(phone),
          sk: `${at}#${String(this.sequence).padStart(8, '0')}`,
          direction,
          body,
          at,
        },
      }),
    );
    return at;
  }
}

/** The simulated phone's number until another is typed: Ofcom's range for drama, never a real phone. */
const DEMO_PHONE = '+447700900982';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (character) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ?? character,
  );

/**
 * `/local/sms`: a phone's text thread and a box to reply, so `npm start` can do a journey by text. GET shows
 * `?phone=` (a UK mobile); POST (a plain form) sends the reply as an inbound text and comes back to the thread.
 * A POST from another origin is refused, so no other page open in the browser can text as the phone.
 */
export function textSimulator(options: {
  texts: LocalTextMessages;
  receive: (inbound: InboundText) => Promise<void>;
  origin: () => string;
}) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    serve(options, request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end('The simulated phone failed.');
    });
  };
}

async function serve(
  options: Parameters<typeof textSimulator>[0],
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', options.origin());
  if (request.method === 'POST') {
    const origin = request.headers.origin;
    if (origin && origin !== options.origin()) {
      response.writeHead(403, { 'content-type': 'text/plain' });
      response.end('Only the simulated phone itself can send a text.');
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8').slice(0, 4000));
    const phone = ukMobile(form.get('phone') ?? '') ?? DEMO_PHONE;
    const body = (form.get('body') ?? '').trim();
    if (body) await options.receive(await options.texts.received(phone, body));
    response.writeHead(303, { location: `/local/sms?phone=${encodeURIComponent(phone)}` });
    response.end();
    return;
  }
  const phone = ukMobile(url.searchParams.get('phone') ?? '') ?? DEMO_PHONE;
  const thread = await options.texts.thread(phone);
  const bubbles = thread
    .map(
      (text) =>
        `<li class="${text.direction}"><pre>${escapeHtml(text.body)}</pre><small>${escapeHtml(text.at.slice(11, 19))}</small></li>`,
    )
    .join('');
  response.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
  });
  response.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Simulated phone ${escapeHtml(phone)} - Doorstep (local)</title>
<style>
body{font-family:system-ui,sans-serif;max-width:26rem;margin:1rem auto;padding:0 .5rem}
ol{list-style:none;padding:0}li{margin:.5rem 0;padding:.5rem .75rem;border-radius:1rem;max-width:85%}
li.out{background:#eee}li.in{background:#1d70b8;color:#fff;margin-left:auto}
pre{white-space:pre-wrap;font:inherit;margin:0}small{opacity:.7}
label{display:block;font-weight:bold;margin:.75rem 0 .25rem}input,textarea{width:100%;font:inherit;box-sizing:border-box}
</style></head><body>
<h1>Simulated phone</h1>
<form method="get" action="/local/sms"><label for="phone">Number</label>
<input id="phone" name="phone" value="${escapeHtml(phone)}" autocomplete="off"><button>Show its texts</button></form>
<p>Texts Doorstep sent to this number (grey) and its replies (blue). STOP stops texts, START starts them again, HELP asks the question again.</p>
<ol>${bubbles || '<li class="out"><pre>No texts yet. Sign in on the web, then choose to answer by text with this number.</pre></li>'}</ol>
<form method="post" action="/local/sms"><input type="hidden" name="phone" value="${escapeHtml(phone)}">
<label for="body">Reply</label><textarea id="body" name="body" rows="2" autofocus></textarea>
<button>Send</button></form>
</body></html>`);
}
