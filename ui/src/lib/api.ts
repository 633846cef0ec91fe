// The one place components reach the Rust side. A thin layer over the generated
// `commands` (bindings.ts, never edited by hand): every `{ status: "error" }` becomes a
// thrown ApiError carrying the AppError, so components can use try/catch and show it
// through the Fluent message `error-<code>`.
import {
  commands,
  type AppError,
  type Agent,
  type AssistView,
  type ConnectionView,
  type ConversationView,
  type InboxFacets,
  type InboxFilter,
  type InboxPage,
  type Message,
  type Settings,
  type SyncStatus,
  type ClaimView,
  type WorkflowAction,
  type WorkflowView,
  type WriteBackKind,
} from './bindings';

/** What every generated command resolves to (tauri-specta's typedError). */
type CommandResult<T> = { status: 'ok'; data: T } | { status: 'error'; error: AppError };

/** An AppError from a command, thrown. */
export class ApiError extends Error {
  readonly error: AppError;
  constructor(error: AppError) {
    super(error.message);
    this.name = 'ApiError';
    this.error = error;
  }
  get code(): string {
    return this.error.code;
  }
}

export function isAppError(value: unknown): value is AppError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AppError).code === 'string' &&
    typeof (value as AppError).message === 'string'
  );
}

/** Whatever was thrown, as an AppError the UI can translate. */
export function toAppError(e: unknown): AppError {
  if (e instanceof ApiError) return e.error;
  if (isAppError(e)) return { code: e.code, message: e.message, args: (e.args ?? {}) as AppError['args'] };
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'unexpected', message, args: { message } };
}

async function call<T>(run: () => Promise<CommandResult<T>>): Promise<T> {
  let result: CommandResult<T>;
  try {
    result = await run();
  } catch (e) {
    // The bindings re-throw JavaScript errors (no Tauri runtime, a bug): normalise them.
    throw new ApiError(toAppError(e));
  }
  if (result.status === 'error') throw new ApiError(toAppError(result.error));
  return result.data;
}

export const DEFAULT_PAGE_SIZE = 40;

export const api = {
  getSettings: (): Promise<Settings> => call(() => commands.getSettings()),
  setLocale: (locale: string): Promise<null> => call(() => commands.setLocale(locale)),
  listInbox: (filter: InboxFilter): Promise<InboxPage> => call(() => commands.listInbox(filter)),
  inboxFacets: (): Promise<InboxFacets> => call(() => commands.inboxFacets()),
  openConversation: (id: number): Promise<ConversationView> =>
    call(() => commands.openConversation(id)),
  saveDraft: (conversationId: number, body: string): Promise<null> =>
    call(() => commands.saveDraft(conversationId, body)),
  sendReply: (conversationId: number, body: string): Promise<Message> =>
    call(() => commands.sendReply(conversationId, body)),
  assistConversation: (id: number): Promise<AssistView> => call(() => commands.assistConversation(id)),
  openBackup: (path: string): Promise<null> => call(() => commands.openBackup(path)),
  syncStatus: (): Promise<SyncStatus> => call(() => commands.syncStatus()),
  refreshOrder: (orderId: number): Promise<boolean> => call(() => commands.refreshOrder(orderId)),
  writeBack: (conversationId: number, orderId: number, kind: WriteBackKind, score: number | null = null): Promise<boolean> =>
    call(() => commands.writeBack(conversationId, orderId, kind, score)),
  teamAgents: (): Promise<Agent[]> => call(() => commands.teamAgents()),
  assignConversation: (conversationId: number, agentId: string): Promise<null> => call(() => commands.assignConversation(conversationId, agentId)),
  applyWorkflow: (conversationId: number, action: WorkflowAction): Promise<string> => call(() => commands.applyWorkflow(conversationId, action)),
  claimConversation: (conversationId: number): Promise<ClaimView | null> => call(() => commands.claimConversation(conversationId)),
  conversationWorkflow: (conversationId: number): Promise<WorkflowView> => call(() => commands.conversationWorkflow(conversationId)),
  undoReply: (outboxId: number): Promise<string | null> => call(() => commands.undoReply(outboxId)),
  retryReply: (outboxId: number): Promise<boolean> => call(() => commands.retryReply(outboxId)),
  listConnections: (): Promise<ConnectionView[]> => call(() => commands.listConnections()),
  addConnection: (kind: string, address: string): Promise<null> => call(() => commands.addConnection(kind, address)),
  saveCredentials: (account: string, values: Record<string, string>): Promise<null> =>
    call(() => commands.saveCredentials(account, values)),
  /** Tells the shell the first screen is drawn (cold-start measurement); never fails the UI. */
  reportReady: (): Promise<number> => commands.reportReady().catch(() => 0),
};
