// The workstation's state and the actions on it. Components read fields and call methods;
// only this module talks to api.ts. Every request carries a sequence number so a slow
// answer never overwrites a newer one (typing fast in search, holding j).
import { api, DEFAULT_PAGE_SIZE, toAppError } from './api';
import type {
  Agent,
  AssistView,
  AppError,
  MessageChannel,
  ConversationStatus,
  ConversationView,
  InboxCursor,
  InboxFacets,
  InboxFilter,
  InboxItem,
  Intent,
  Settings,
  SyncStatus,
  WorkflowAction,
  WorkflowView,
  WriteBackKind,
} from './bindings';
import { setUiLocale, t, tError } from './i18n.svelte';

export type Filters = {
  status: ConversationStatus | null;
  language: string | null;
  channel: MessageChannel | null;
  intent: Intent | null;
  query: string;
};

export type Notice = { id: number; kind: 'error' | 'info'; text: string };
export type DraftStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export const DRAFT_DEBOUNCE_MS = 600;
export const OPEN_DEBOUNCE_MS = 120;

const emptyFilters = (): Filters => ({ status: null, language: null, channel: null, intent: null, query: '' });

export class AppState {
  // Startup
  booting = $state(true);
  settings = $state<Settings | null>(null);
  /** The database error to show instead of the panes (open_error, or getSettings failing). */
  fatal = $state<AppError | null>(null);

  // Inbox
  facets = $state<InboxFacets | null>(null);
  filters = $state<Filters>(emptyFilters());
  items = $state<InboxItem[]>([]);
  next = $state<InboxCursor | null>(null);
  loading = $state(false);
  loadingMore = $state(false);
  inboxError = $state<AppError | null>(null);
  selectedId = $state<number | null>(null);

  // Thread and context
  openId = $state<number | null>(null);
  view = $state<ConversationView | null>(null);
  viewLoading = $state(false);
  viewError = $state<AppError | null>(null);
  focusOrderId = $state<number | null>(null);

  // Reply
  reply = $state('');
  draftStatus = $state<DraftStatus>('idle');
  /** What the assist engine made of the open conversation (null while it works). */
  assist = $state<AssistView | null>(null);
  assistError = $state<AppError | null>(null);
  sending = $state(false);
  replyError = $state<string | null>(null);

  // Workflow of the open conversation
  workflow = $state<WorkflowView | null>(null);
  /** The team, to assign conversations to. */
  agents = $state<Agent[]>([]);
  /** Another agent answering the open conversation (their claim), if any. */
  claimedBy = $state<string | null>(null);
  #claimedAt = 0;

  // Connections
  sync = $state<SyncStatus | null>(null);
  refreshing = $state(false);

  // Chrome
  helpOpen = $state(false);
  connectionsOpen = $state(false);
  notices = $state<Notice[]>([]);
  now = $state(Date.now());

  #listSeq = 0;
  #openSeq = 0;
  #noticeSeq = 0;
  #openTimer: ReturnType<typeof setTimeout> | undefined;
  #draftTimer: ReturnType<typeof setTimeout> | undefined;
  #draftFor: number | null = null;

  get selectedIndex(): number {
    return this.items.findIndex((i) => i.id === this.selectedId);
  }

  get agentZone(): string {
    return this.settings?.agent_time_zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  }

  get hasFilters(): boolean {
    const f = this.filters;
    return Boolean(f.status || f.language || f.channel || f.intent || f.query.trim());
  }

  // ---- startup --------------------------------------------------------------------------

  async boot(): Promise<void> {
    this.booting = true;
    try {
      const settings = await api.getSettings();
      this.settings = settings;
      setUiLocale(settings.locale);
      if (settings.open_error) {
        this.fatal = settings.open_error;
        return;
      }
      await Promise.all([this.loadFacets(), this.loadInbox()]);
      void this.loadSync();
      void api.teamAgents().then((a) => (this.agents = a)).catch(() => {});
      // Start reading at the top of the inbox.
      if (this.selectedId === null) this.selectedId = this.items[0]?.id ?? null;
      if (this.selectedId !== null) await this.open(this.selectedId);
      void api.reportReady();
    } catch (e) {
      this.fatal = toAppError(e);
    } finally {
      this.booting = false;
    }
  }

  async changeLocale(locale: string): Promise<void> {
    // Show the new language at once; persisting it is the Rust side's job.
    setUiLocale(locale);
    if (this.settings) this.settings.locale = locale;
    try {
      await api.setLocale(locale);
    } catch (e) {
      this.notify('error', tError(toAppError(e)));
    }
  }

  // ---- inbox ----------------------------------------------------------------------------

  filterArg(after: InboxCursor | null): InboxFilter {
    const f = this.filters;
    return {
      status: f.status,
      language: f.language,
      channel: f.channel,
      intent: f.intent,
      query: f.query.trim() || null,
      after,
      limit: DEFAULT_PAGE_SIZE,
    };
  }

  async loadFacets(): Promise<void> {
    try {
      this.facets = await api.inboxFacets();
    } catch (e) {
      this.notify('error', tError(toAppError(e)));
    }
  }

  /** Reloads the list from the top with the current filters. */
  async loadInbox(): Promise<void> {
    const seq = ++this.#listSeq;
    this.loading = true;
    this.loadingMore = false;
    this.inboxError = null;
    try {
      const page = await api.listInbox(this.filterArg(null));
      if (seq !== this.#listSeq) return;
      this.items = page.items;
      this.next = page.next;
      // Keep the selection when it is still listed, else take the first row.
      if (!page.items.some((i) => i.id === this.selectedId)) this.selectedId = page.items[0]?.id ?? null;
    } catch (e) {
      if (seq !== this.#listSeq) return;
      this.items = [];
      this.next = null;
      this.inboxError = toAppError(e);
    } finally {
      if (seq === this.#listSeq) this.loading = false;
    }
  }

  async loadMore(): Promise<void> {
    if (!this.next || this.loading || this.loadingMore) return;
    const seq = this.#listSeq;
    this.loadingMore = true;
    try {
      const page = await api.listInbox(this.filterArg(this.next));
      if (seq !== this.#listSeq) return;
      const seen = new Set(this.items.map((i) => i.id));
      this.items = [...this.items, ...page.items.filter((i) => !seen.has(i.id))];
      this.next = page.next;
    } catch (e) {
      if (seq === this.#listSeq) this.notify('error', tError(toAppError(e)));
    } finally {
      if (seq === this.#listSeq) this.loadingMore = false;
    }
  }

  setFilter<K extends keyof Filters>(key: K, value: Filters[K]): void {
    this.filters[key] = value;
    void this.loadInbox();
  }

  clearFilters(): void {
    this.filters = emptyFilters();
    void this.loadInbox();
  }

  /** Moves the selection by delta rows; past the last row it loads the next page. */
  async move(delta: number): Promise<void> {
    if (this.items.length === 0) return;
    let idx = this.selectedIndex;
    if (idx < 0) idx = delta > 0 ? -1 : this.items.length;
    let target = idx + delta;
    if (target >= this.items.length && this.next) {
      await this.loadMore();
    }
    target = Math.max(0, Math.min(this.items.length - 1, target));
    const id = this.items[target]?.id;
    if (id === undefined || id === this.selectedId) return;
    this.selectedId = id;
    // Reading follows the selection, a moment later so holding j does not flood the store.
    clearTimeout(this.#openTimer);
    this.#openTimer = setTimeout(() => void this.open(id), OPEN_DEBOUNCE_MS);
  }

  select(id: number): void {
    this.selectedId = id;
    void this.open(id);
  }

  openSelected(): Promise<void> {
    if (this.selectedId === null) return Promise.resolve();
    return this.open(this.selectedId);
  }

  // ---- conversation ---------------------------------------------------------------------

  async open(id: number, force = false): Promise<void> {
    clearTimeout(this.#openTimer);
    if (!force && id === this.openId && (this.view || this.viewLoading)) return;
    await this.flushDraft();
    const seq = ++this.#openSeq;
    this.openId = id;
    this.viewLoading = true;
    this.viewError = null;
    try {
      const view = await api.openConversation(id);
      if (seq !== this.#openSeq) return;
      this.view = view;
      this.focusOrderId = view.focus_order_id ?? view.orders[0]?.id ?? null;
      this.reply = view.draft?.body ?? '';
      this.draftStatus = 'idle';
      this.replyError = null;
      this.#draftFor = id;
      this.claimedBy = null;
      this.#claimedAt = 0;
      void this.loadAssist(id, seq);
      void this.loadWorkflow(id);
    } catch (e) {
      if (seq !== this.#openSeq) return;
      this.view = null;
      this.viewError = toAppError(e);
    } finally {
      if (seq === this.#openSeq) this.viewLoading = false;
    }
  }

  /** The sync changed an order: reload the open conversation's panes if they show it (0 = any). */
  async orderChanged(orderId: number): Promise<void> {
    const view = this.view;
    if (!view || this.openId === null) return;
    if (orderId !== 0 && !view.orders.some((o) => o.id === orderId)) return;
    await this.reloadOpen();
  }

  async loadSync(): Promise<void> {
    try {
      this.sync = await api.syncStatus();
    } catch {
      this.sync = null;
    }
  }

  /** Fetches the focused order from its platform now; the change event reloads the panes. */
  async refreshOrder(orderId: number): Promise<void> {
    this.refreshing = true;
    try {
      const done = await api.refreshOrder(orderId);
      if (!done) this.notify('info', t('order-refresh-off'));
      else await this.orderChanged(orderId);
    } catch (e) {
      this.notify('error', tError(toAppError(e)));
    } finally {
      this.refreshing = false;
    }
  }

  async loadWorkflow(id: number): Promise<void> {
    try {
      const w = await api.conversationWorkflow(id);
      if (id !== this.openId) return;
      this.workflow = w;
      this.claimedBy = w.claim && w.claim.agent !== this.settings?.agent_name ? w.claim.agent : null;
    } catch {
      this.workflow = null;
    }
  }

  /** Take over, hand back, snooze, close or reopen the open conversation. */
  async applyWorkflow(action: WorkflowAction): Promise<void> {
    const id = this.openId;
    if (id === null) return;
    try {
      const status = await api.applyWorkflow(id, action);
      if (this.view && this.view.conversation.id === id) this.view.conversation.status = status as ConversationStatus;
      const row = this.items.find((i) => i.id === id);
      if (row) row.status = status as ConversationStatus;
      await this.loadWorkflow(id);
      this.notify('info', t(`workflow-done-${action.kind}`));
    } catch (e) {
      this.notify('error', tError(toAppError(e)));
    }
  }

  /** Hands the open conversation to a team member (escalated to them; the AI stops). */
  async assign(agentId: string): Promise<void> {
    const id = this.openId;
    if (id === null || !agentId) return;
    try {
      await api.assignConversation(id, agentId);
      const name = this.agents.find((a) => a.id === agentId)?.name ?? agentId;
      if (this.view && this.view.conversation.id === id) {
        this.view.conversation.status = 'escalated';
        this.view.conversation.assignee = agentId;
        this.view.assignee_name = name;
      }
      const row = this.items.find((i) => i.id === id);
      if (row) {
        row.status = 'escalated';
        row.assignee = agentId;
      }
      await this.loadWorkflow(id);
      this.notify('info', t('workflow-assigned', { name }));
    } catch (e) {
      this.notify('error', tError(toAppError(e)));
    }
  }

  /** Snoozes until 09:00 tomorrow on the agent's clock. */
  snoozeUntilTomorrow(): Promise<void> {
    const d = new Date(this.now);
    d.setDate(d.getDate() + 1);
    d.setHours(9, 0, 0, 0);
    return this.applyWorkflow({ kind: 'snooze', until_ms: d.getTime() });
  }

  /** The agent is writing: hold the conversation (renewed at most every 30 s). */
  async claim(): Promise<void> {
    const id = this.openId;
    if (id === null || Date.now() - this.#claimedAt < 30_000) return;
    this.#claimedAt = Date.now();
    try {
      const other = await api.claimConversation(id);
      if (id === this.openId) this.claimedBy = other?.agent ?? null;
    } catch {
      // Claiming is a courtesy to colleagues; sending checks again.
    }
  }

  /** Takes a reply back in its undo window: its text returns to the reply box. */
  async undoReply(outboxId: number): Promise<void> {
    if (this.openId === null) return;
    try {
      const body = await api.undoReply(outboxId);
      if (body === null) this.notify('info', t('outbox-too-late'));
      await this.reloadOpen();
      if (body !== null) this.reply = body;
    } catch (e) {
      this.notify('error', tError(toAppError(e)));
    }
  }

  async retryReply(outboxId: number): Promise<void> {
    try {
      await api.retryReply(outboxId);
      await this.reloadOpen();
    } catch (e) {
      this.notify('error', tError(toAppError(e)));
    }
  }

  /** Reloads the open conversation in place (its replies moved in the outbox, say). */
  async reloadOpen(): Promise<void> {
    if (this.openId === null) return;
    const seq = this.#openSeq;
    try {
      const fresh = await api.openConversation(this.openId);
      if (seq === this.#openSeq) this.view = fresh;
    } catch {
      // Keep what is shown; the next change or a reopen tries again.
    }
  }

  /** Sends the conversation's summary, or a return request, to the order's platform. */
  async writeBack(orderId: number, kind: WriteBackKind, platformLabel: string, score: number | null = null): Promise<void> {
    if (this.openId === null) return;
    try {
      const queued = await api.writeBack(this.openId, orderId, kind, score);
      this.notify('info', queued ? t('writeback-queued', { platform: platformLabel }) : t('writeback-amazon'));
    } catch (e) {
      this.notify('error', tError(toAppError(e)));
    }
  }

  /** Triage and grounded draft; fills an empty reply box with the draft. */
  async loadAssist(id: number, seq: number): Promise<void> {
    this.assist = null;
    this.assistError = null;
    try {
      const assist = await api.assistConversation(id);
      if (seq !== this.#openSeq) return;
      this.assist = assist;
      if (this.reply.trim() === '') this.reply = assist.draft;
    } catch (e) {
      if (seq === this.#openSeq) this.assistError = toAppError(e);
    }
  }

  // ---- reply ----------------------------------------------------------------------------

  /** The reply text changed: save it as the draft once typing pauses. */
  editReply(text: string): void {
    this.reply = text;
    void this.claim();
    this.replyError = null;
    if (this.#draftFor === null) return;
    this.draftStatus = 'pending';
    clearTimeout(this.#draftTimer);
    this.#draftTimer = setTimeout(() => void this.flushDraft(), DRAFT_DEBOUNCE_MS);
  }

  /** Saves a pending draft now (before switching conversations or sending). */
  async flushDraft(): Promise<void> {
    if (this.draftStatus !== 'pending' || this.#draftFor === null) return;
    clearTimeout(this.#draftTimer);
    const id = this.#draftFor;
    const body = this.reply;
    this.draftStatus = 'saving';
    try {
      await api.saveDraft(id, body);
      if (this.#draftFor === id && this.draftStatus === 'saving') this.draftStatus = 'saved';
    } catch (e) {
      if (this.#draftFor === id) this.draftStatus = 'error';
      this.notify('error', tError(toAppError(e)));
    }
  }

  async send(): Promise<boolean> {
    const view = this.view;
    if (!view || this.sending) return false;
    const body = this.reply;
    if (!body.trim()) {
      this.replyError = t('error-send-empty');
      return false;
    }
    clearTimeout(this.#draftTimer);
    this.sending = true;
    this.replyError = null;
    const id = view.conversation.id;
    try {
      const message = await api.sendReply(id, body);
      if (this.view?.conversation.id === id) {
        this.view.messages.push(message);
        this.view.draft = null;
        this.reply = '';
        this.draftStatus = 'idle';
      }
      const row = this.items.find((i) => i.id === id);
      if (row) {
        row.preview = message.text.replace(/\s+/g, ' ').trim();
        row.last_message_at = message.created_at;
      }
      this.notify('info', t('reply-sent'));
      // Show where the reply is in the outbox (its undo window) straight away.
      void this.reloadOpen();
      return true;
    } catch (e) {
      this.replyError = tError(toAppError(e));
      return false;
    } finally {
      this.sending = false;
    }
  }

  // ---- notices --------------------------------------------------------------------------

  notify(kind: Notice['kind'], text: string): void {
    const id = ++this.#noticeSeq;
    this.notices.push({ id, kind, text });
    setTimeout(() => this.dismiss(id), kind === 'error' ? 10_000 : 3_500);
  }

  dismiss(id: number): void {
    this.notices = this.notices.filter((n) => n.id !== id);
  }
}
