// A stand-in for the Rust commands, answering with the demo fixtures. Used by tests (as the
// target of a mocked `invoke`) and, in `npm run dev` in a plain browser, through mockIPC —
// never in a production build. It follows the command contracts of bindings.ts: the same
// argument names, the same ordering and cursor rules, errors as AppError values.
import type {
  AppError,
  ConversationView,
  FacetCount,
  InboxFacets,
  InboxFilter,
  InboxItem,
  InboxPage,
  Message,
  Settings,
} from '../bindings';
import { buildFixtures, type MockDb } from './fixtures';

export type MockOptions = {
  now?: Date | number;
  /** Milliseconds each command waits, to see loading states. */
  latency?: number;
  /** Start in this locale (as if persisted by a previous run). */
  locale?: string;
  /** Make getSettings report a database that could not be opened. */
  openError?: AppError | null;
  backups?: string[];
  /** Remember setLocale across reloads (browser only). */
  persist?: boolean;
};

const LOCALE_KEY = 'meridian.mock.locale';

function appError(code: string, message: string, args: Record<string, string> = {}): AppError {
  return { code, message, args };
}

function lastMs(iso: string): number {
  return new Date(iso).getTime();
}

export function createMockBackend(options: MockOptions = {}) {
  const db: MockDb = buildFixtures(options.now ?? Date.now());
  const persisted =
    options.persist && typeof localStorage !== 'undefined' ? localStorage.getItem(LOCALE_KEY) : null;
  const settings: Settings = {
    ...db.settings,
    locale: options.locale ?? persisted ?? db.settings.locale,
    open_error: options.openError ?? null,
    backups: options.backups ?? [],
  };
  let nextMessageId = 90_000;

  function preview(conversationId: number): string {
    const msgs = db.messages.filter((m) => m.conversation_id === conversationId && m.direction !== 'note');
    const last = msgs[msgs.length - 1];
    return last ? last.text.replace(/\s+/g, ' ').trim().slice(0, 160) : '';
  }

  function item(id: number): InboxItem {
    const c = db.conversations.find((x) => x.id === id)!;
    const cust = db.customers.find((x) => x.id === c.customer_id)!;
    return {
      id: c.id,
      subject: c.subject,
      preview: preview(c.id),
      customer_name: cust.name,
      customer_country: cust.country,
      language: c.language,
      channel: c.channel,
      status: c.status,
      intent: c.intent,
      priority: c.priority,
      assignee: c.assignee,
      last_message_at: c.last_message_at,
      sla_due_at: c.sla_due_at,
    };
  }

  function matches(id: number, query: string): boolean {
    const q = query.toLowerCase();
    const c = db.conversations.find((x) => x.id === id)!;
    const cust = db.customers.find((x) => x.id === c.customer_id)!;
    const hay = [
      c.subject,
      cust.name,
      ...cust.identities.map((i) => i.value),
      ...db.messages.filter((m) => m.conversation_id === id).map((m) => m.text),
      ...db.orders.filter((o) => o.customer_id === cust.id).map((o) => o.number),
      ...db.shipments
        .filter((s) => db.orders.some((o) => o.id === s.order_id && o.customer_id === cust.id))
        .map((s) => s.tracking_number),
    ];
    return hay.some((h) => h.toLowerCase().includes(q));
  }

  function listInbox(filter: InboxFilter): InboxPage {
    const limit = Math.min(Math.max(filter.limit ?? 50, 1), 200);
    let list = db.conversations.filter(
      (c) =>
        (!filter.status || c.status === filter.status) &&
        (!filter.language || c.language === filter.language) &&
        (!filter.channel || c.channel === filter.channel) &&
        (!filter.intent || c.intent === filter.intent) &&
        (!filter.query?.trim() || matches(c.id, filter.query.trim())),
    );
    // Newest first; ties broken by id, as the keyset cursor expects.
    list = list.sort((a, b) => lastMs(b.last_message_at) - lastMs(a.last_message_at) || b.id - a.id);
    if (filter.after) {
      const ms = Number(filter.after.last_message_ms);
      const id = filter.after.id;
      list = list.filter((c) => {
        const m = lastMs(c.last_message_at);
        return m < ms || (m === ms && c.id < id);
      });
    }
    const page = list.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((c) => item(c.id)),
      next:
        list.length > limit && last
          ? { last_message_ms: String(lastMs(last.last_message_at)), id: last.id }
          : null,
    };
  }

  function facets(): InboxFacets {
    const count = (values: (string | null)[]): FacetCount[] => {
      const m = new Map<string, number>();
      for (const v of values) if (v) m.set(v, (m.get(v) ?? 0) + 1);
      return [...m.entries()]
        .map(([value, n]) => ({ value, count: n }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    };
    const cs = db.conversations;
    return {
      languages: count(cs.map((c) => c.language)),
      intents: count(cs.map((c) => c.intent)),
      statuses: count(cs.map((c) => c.status)),
      channels: count(cs.map((c) => c.channel)),
    };
  }

  function open(id: number): ConversationView {
    const conversation = db.conversations.find((c) => c.id === id);
    if (!conversation) throw appError('not-found', `no conversation with id ${id}`, { what: 'conversation', id: String(id) });
    const customer = db.customers.find((c) => c.id === conversation.customer_id)!;
    const store = db.stores.find((s) => s.id === conversation.store_id)!;
    const orders = db.orders
      .filter((o) => o.customer_id === customer.id)
      .sort((a, b) => lastMs(b.created_at) - lastMs(a.created_at))
      .slice(0, 10);
    const shipments = db.shipments.filter((s) => orders.some((o) => o.id === s.order_id));
    return structuredClone({
      conversation,
      store,
      customer,
      messages: db.messages.filter((m) => m.conversation_id === id),
      focus_order_id: db.focusOrder.get(id) ?? orders[0]?.id ?? null,
      orders,
      shipments,
      draft: db.drafts.get(id) ?? null,
      assignee_name: conversation.assignee ? settings.agent_name : null,
      replies: db.replies.filter((r) => db.messages.some((m) => m.id === r.message_id && m.conversation_id === id)),
    });
  }

  function send(conversationId: number, body: string): Message {
    const conversation = db.conversations.find((c) => c.id === conversationId);
    if (!conversation)
      throw appError('not-found', `no conversation with id ${conversationId}`, { what: 'conversation', id: String(conversationId) });
    if (!body.trim()) throw appError('send-empty', 'the reply is empty');
    const message: Message = {
      id: nextMessageId++,
      conversation_id: conversationId,
      direction: 'outbound',
      author: settings.agent_name,
      text: body,
      html: null,
      language: conversation.language,
      created_at: new Date().toISOString(),
    };
    db.messages.push(message);
    db.replies.push({ message_id: message.id, outbox_id: message.id, state: 'queued', not_before: new Date(Date.now() + 10_000).toISOString(), last_error: null, attempts: 0 });
    conversation.last_message_at = message.created_at;
    conversation.status = 'waiting';
    db.drafts.delete(conversationId);
    return structuredClone(message);
  }

  /** Answers one command the way the Rust side does; throws an AppError on failure. */
  function handle(cmd: string, args: Record<string, unknown> = {}): unknown {
    switch (cmd) {
      case 'get_settings':
        return structuredClone(settings);
      case 'set_locale': {
        const locale = String(args.locale);
        if (!settings.available_locales.includes(locale))
          throw appError('invalid-input', `unknown locale ${locale}`, { detail: locale });
        settings.locale = locale;
        if (options.persist && typeof localStorage !== 'undefined') localStorage.setItem(LOCALE_KEY, locale);
        return null;
      }
      case 'list_inbox':
        return listInbox(args.filter as InboxFilter);
      case 'inbox_facets':
        return facets();
      case 'open_conversation':
        return open(Number(args.id));
      case 'save_draft': {
        const id = Number(args.conversationId);
        db.drafts.set(id, {
          conversation_id: id,
          body: String(args.body),
          action: db.drafts.get(id)?.action ?? null,
          reason: db.drafts.get(id)?.reason ?? null,
          updated_at: new Date().toISOString(),
        });
        return null;
      }
      case 'send_reply':
        return send(Number(args.conversationId), String(args.body));
      case 'report_ready':
        return 0;
      case 'open_backup':
        return null;
      case 'sync_status':
        return {
          configured: true,
          error: null,
          connectors: [
            { connector: 'shopify/northwind-outfitters.myshopify.com', label: 'Shopify northwind-outfitters.myshopify.com', last_success: null, last_error: 'unreachable: timed out', error_since: '2026-11-25T09:02:00Z' },
            { connector: '17track', label: '17TRACK', last_success: '2026-11-25T08:57:00Z', last_error: null, error_since: null },
          ],
        };
      case 'refresh_order':
        return true;
      case 'team_agents':
        return [
          { id: 'lucia', name: 'Lucía Ortega', time_zone: 'Europe/Madrid', languages: ['es', 'en'] },
          { id: 'kenji', name: 'Kenji Sato', time_zone: 'Asia/Tokyo', languages: ['ja', 'en'] },
        ];
      case 'assign_conversation': {
        const c = db.conversations.find((x) => x.id === Number(args.conversationId));
        if (!c) throw appError('not-found', 'no conversation', { what: 'conversation', id: String(args.conversationId) });
        c.assignee = String(args.agentId);
        c.status = 'escalated';
        db.paused.add(c.id);
        return null;
      }
      case 'conversation_workflow':
        return { ai_paused: db.paused.has(Number(args.conversationId)), snoozed_until: null, claim: null };
      case 'claim_conversation':
        return null;
      case 'apply_workflow': {
        const c = db.conversations.find((x) => x.id === Number(args.conversationId));
        if (!c) throw appError('not-found', 'no conversation', { what: 'conversation', id: String(args.conversationId) });
        const kind = (args.action as { kind: string }).kind;
        const status = ({ take_over: 'escalated', hand_back: 'open', snooze: 'snoozed', close: 'closed', reopen: 'open' } as const)[kind as 'close']!;
        c.status = status;
        if (kind === 'take_over') db.paused.add(c.id);
        if (kind === 'hand_back') db.paused.delete(c.id);
        return status;
      }
      case 'undo_reply': {
        const r = db.replies.find((x) => x.outbox_id === Number(args.outboxId));
        if (!r || r.state !== 'queued') return null;
        r.state = 'cancelled';
        const m = db.messages.find((x) => x.id === r.message_id)!;
        db.messages = db.messages.filter((x) => x.id !== m.id);
        return m.text;
      }
      case 'retry_reply': {
        const r = db.replies.find((x) => x.outbox_id === Number(args.outboxId));
        if (!r || r.state !== 'failed') return false;
        r.state = 'queued';
        return true;
      }
      case 'list_connections':
        return db.connections.map((c) => ({ ...c }));
      case 'add_connection': {
        const kind = String(args.kind);
        const address = String(args.address);
        if (kind === 'shopify' && !address.endsWith('.myshopify.com')) throw appError('connection-invalid', 'shop domain');
        db.connections.push({ account: `${kind}/${address}`, kind, address, fields: kind === 'shopify' ? ['access_token', 'webhook_secret'] : ['key'], has_credentials: false });
        return null;
      }
      case 'save_credentials': {
        const c = db.connections.find((x) => x.account === args.account);
        const values = args.values as Record<string, string>;
        if (!c) throw appError('connection-invalid', String(args.account));
        if (values.access_token !== 'shpat_good') {
          const message = `Shopify ${c.address}: authentication failed for shop ${c.address}`;
          throw appError('connection-check', message, { message });
        }
        c.has_credentials = true;
        return null;
      }
      case 'assist_conversation':
        return {
          language: 'es', language_confidence: 0.99, intent: 'track_order', confidence: 0.93, threat: false,
          action: 'autopilot', reason: 'track_order defaults to autopilot; confidence 0.93 >= 0.80',
          draft: 'Hola:\n\nSu pedido está en camino.', draft_for_agent: 'Hello,\n\nYour order is on its way.', facts: ['order #1047'],
        };
      default:
        throw appError('invalid-input', `unknown command ${cmd}`);
    }
  }

  async function invoke(cmd: string, args?: Record<string, unknown>): Promise<unknown> {
    if (options.latency) await new Promise((r) => setTimeout(r, options.latency));
    return handle(cmd, args);
  }

  return { db, settings, handle, invoke };
}

export type MockBackend = ReturnType<typeof createMockBackend>;
