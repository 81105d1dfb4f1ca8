import { and, count, eq, isNotNull, isNull } from 'drizzle-orm';
import type { ParsedInputOf } from '../../../src-shared/contract';
import type { SyncSettings, SyncState, SyncStatus } from '../../../src-shared/contract/sync';
import { ERROR_STATUS, type ErrorCode } from '../../../src-shared/errors';
import type { AuditService } from '../audit/service';
import { plainSealer, type SecretSealer } from '../platform/secret-sealer';
import type { SigningKeys } from '../coupons/signing-keys';
import type { AppDatabase } from '../db/database';
import { outbox } from '../outbox/schema';
import type { OutboxService } from '../outbox/service';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import type { HandlerContext } from '../platform/context';
import type { Logger } from '../../../src-node/logger';
import type { SettingsService } from '../settings/service';
import { terminals } from '../stores/schema';
import { PulledEventApplier } from './apply';
import { SyncIssues } from './issues';
import { ChainStockCache } from '../chain/cache';
import { ChainTakingsCache } from '../chain/takings';
import type { OnlineClaimRequest, OnlineClaimResponse } from '../../../src-shared/sync/claims';
import type { EndpointName, EndpointOutput } from '../../../src-shared/sync/endpoints';
import { CloudClient, CloudError, type CloudRequest } from './cloud-client';
import { SyncLink, type LinkRow } from './link';
import { OutboxPusher } from './push';
import { syncIssues } from './schema';
import { SyncScheduler, type RoundResult } from './scheduler';
import { readSyncSettings, SYNC_SETTINGS_KEY, type SyncConfig } from './config';

const APP_VERSION = '0.1.0';

/**
 * The desktop end of cloud sync: pairing, the push/pull rounds on a schedule, and the manager's
 * lists (dead letters, conflicts). Rounds never throw: every failure becomes the status's error
 * and a backoff; 401 ends the pairing (state `revoked`) and nothing is pushed until re-paired.
 */
export class SyncService {
  readonly link: SyncLink;
  /** Conflicts and dead letters, for a manager to settle. */
  readonly issues: SyncIssues;
  private readonly pusher: OutboxPusher;
  private readonly applier: PulledEventApplier;
  /** The chain's stock as the cloud reported it, fetched after each round. */
  readonly chain: ChainStockCache;
  /** Every store's takings per day as the cloud reported them, fetched after each round. */
  readonly takings: ChainTakingsCache;
  private readonly scheduler: SyncScheduler;
  private syncing = false;
  private offline = false;
  private closed = false;
  private readonly abort = new AbortController();

  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
    private readonly keys: SigningKeys,
    private readonly config: SyncConfig,
    outbox: OutboxService,
    ledgers: ConstructorParameters<typeof PulledEventApplier>[2],
    sealer: SecretSealer = plainSealer,
  ) {
    this.link = new SyncLink(adb, sealer);
    this.issues = new SyncIssues(
      adb,
      clock,
      audit,
      ledgers.redemption,
      outbox,
      () => this.emitStatus(),
      () => {
        if (this.link.get()?.state === 'paired') void this.scheduler.trigger();
      },
    );
    this.pusher = new OutboxPusher(adb, clock, outbox, config.batchSize);
    this.applier = new PulledEventApplier(adb, clock, ledgers);
    this.chain = new ChainStockCache(adb, clock);
    this.takings = new ChainTakingsCache(adb, clock);
    this.scheduler = new SyncScheduler(
      () => this.round(),
      {
        intervalMs: () => this.getSettings().intervalSeconds * 1000,
        backoffBaseMs: config.backoffBaseMs,
        backoffCapMs: config.backoffCapMs,
      },
      () => clock.now(),
    );
    keys.addVerifyingKeys((kid) => this.link.secretsFor(kid));
  }

  start(): void {
    if (this.config.autoStart) this.scheduler.start();
  }

  /** Stops the schedule and aborts a request under way; answers the round still ending. */
  close(): Promise<void> | null {
    this.closed = true;
    this.abort.abort();
    return this.scheduler.stop();
  }

  // --- settings -------------------------------------------------------------------------------

  /** Paired and not revoked: the cloud may be asked. */
  isPaired(): boolean {
    return this.link.get()?.state === 'paired';
  }

  getSettings(): SyncSettings {
    return readSyncSettings(this.settings);
  }

  setSettings(ctx: HandlerContext, input: SyncSettings): SyncSettings {
    this.adb.write(() => {
      this.settings.set(SYNC_SETTINGS_KEY, input);
      this.audit.record(ctx, { action: 'sync.setSettings', details: { ...input } });
    });
    this.scheduler.reschedule();
    return this.getSettings();
  }

  // --- pairing --------------------------------------------------------------------------------

  async pair(ctx: HandlerContext, input: ParsedInputOf<'sync.pair'>): Promise<SyncStatus> {
    const existing = this.link.get();
    if (existing?.state === 'paired') throw new AppError('SYNC_ALREADY_PAIRED');
    const client = this.client(input.cloudUrl, null);
    const answer = await this.cloudCall(() =>
      client.call('devices.pair', {
        body: {
          pairingCode: input.pairingCode,
          device: {
            name: input.deviceName,
            storeId: this.deviceStoreId() ?? undefined,
            appVersion: APP_VERSION,
          },
          // a shop that never printed a code still brings its key
          signingKeys: this.keys.openAll(),
        },
      }),
    );
    const now = this.clock.now();
    this.adb.write(() => {
      this.chain.clear();
      this.takings.clear();
      this.link.create(
        {
          cloudUrl: input.cloudUrl,
          deviceId: answer.deviceId,
          deviceName: input.deviceName,
          token: answer.deviceToken,
          nextToken: null,
          merchantId: answer.merchant.id,
          merchantName: answer.merchant.name,
          merchantCode: answer.merchant.code,
          cursor: answer.cursor,
          state: 'paired',
          pairedAt: now,
          lastSyncAt: null,
          lastError: null,
          lastErrorAt: null,
        },
        answer.signingKeys.map((key) => ({ ...key })),
      );
      this.audit.record(ctx, {
        action: 'sync.pair',
        details: {
          cloudUrl: input.cloudUrl,
          merchant: answer.merchant.name,
          device: input.deviceName,
        },
      });
    });
    this.offline = false;
    this.scheduler.forgetFailures();
    void this.scheduler.trigger();
    return this.status();
  }

  /** Tells the cloud when it answers (a revoked pairing is over anyway), then forgets the link. */
  async unpair(ctx: HandlerContext): Promise<SyncStatus> {
    const link = this.requireLink();
    await this.scheduler.settled();
    if (link.state === 'paired') {
      try {
        await this.client(link.cloudUrl, link.nextToken ?? link.token).call('devices.unpair');
      } catch (error) {
        this.logger.warn('sync: unpair not confirmed by the cloud', { error: describe(error) });
      }
    }
    this.adb.write(() => {
      this.link.remove();
      this.chain.clear();
      this.takings.clear();
      this.audit.record(ctx, { action: 'sync.unpair', details: { merchant: link.merchantName } });
    });
    this.emitStatus();
    return this.status();
  }

  /**
   * A new device token (a manager's call: a PC that changed hands, a token that may have leaked).
   * It is saved as `nextToken` before it is ever sent; the next call uses it and only then
   * replaces the old one, which the cloud honours until the new one is first used. That first
   * use is made here at once, so the old token is dead when this answers; if the cloud cannot be
   * reached for it, the next round makes it.
   */
  async rotateToken(ctx: HandlerContext): Promise<SyncStatus> {
    await this.scheduler.settled();
    const link = this.requireLink();
    if (link.state !== 'paired') throw new AppError('SYNC_NOT_PAIRED');
    const answer = await this.cloudCall(() =>
      this.client(link.cloudUrl, link.nextToken ?? link.token).call('devices.rotateToken'),
    );
    this.adb.write(() => {
      this.link.update({ nextToken: answer.deviceToken });
      this.audit.record(ctx, {
        action: 'sync.rotateToken',
        details: { device: link.deviceName, merchant: link.merchantName },
      });
    });
    try {
      await this.client(link.cloudUrl, answer.deviceToken).call('devices.me');
      this.link.update({ token: answer.deviceToken, nextToken: null });
    } catch (error) {
      this.logger.warn('sync: new token not confirmed yet; the next round uses it', {
        error: describe(error),
      });
    }
    this.emitStatus();
    return this.status();
  }

  // --- rounds ---------------------------------------------------------------------------------

  /**
   * A round at once, skipping the backoff's wait; while the cloud's Retry-After holds, nothing
   * is sent and the status says until when (`retryNotBefore`).
   */
  async syncNow(): Promise<SyncStatus> {
    this.requireLink();
    await this.scheduler.trigger();
    return this.status();
  }

  private async round(): Promise<RoundResult> {
    const link = this.link.get();
    if (!link || link.state !== 'paired' || this.closed) return { ok: 'idle' };
    this.syncing = true;
    this.emitStatus();
    const usingNextToken = !!link.nextToken;
    const client = this.client(link.cloudUrl, link.nextToken ?? link.token);
    try {
      const pushed = await this.pusher.pushAll(client, () => this.closed);
      if (usingNextToken) this.link.update({ token: link.nextToken!, nextToken: null });
      await this.pullAll(client, link);
      const { signingKeys: merchantKeys } = await client.call('devices.signingKeys');
      this.link.replaceKeys(merchantKeys);
      await this.fetchChain(client);
      this.link.update({ lastSyncAt: this.clock.now(), lastError: null, lastErrorAt: null });
      this.offline = false;
      if (pushed.conflicts || pushed.rejected)
        this.logger.warn('sync: events not accepted', { ...pushed });
      return { ok: true };
    } catch (error) {
      return this.failed(error, link.nextToken ?? link.token);
    } finally {
      this.syncing = false;
      this.emitStatus();
    }
  }

  /**
   * Asks the cloud to decide a claim (or release one) within `timeoutMs`. Null when this PC is
   * not paired, or the cloud did not answer in time or at all: the caller's offline path decides.
   */
  async claimOnline(
    body: OnlineClaimRequest,
    timeoutMs: number,
  ): Promise<OnlineClaimResponse | null> {
    const link = this.link.get();
    if (!link || link.state !== 'paired' || this.closed || timeoutMs <= 0) return null;
    const client = new CloudClient({
      baseUrl: link.cloudUrl,
      token: link.nextToken ?? link.token,
      timeoutMs,
      lang: 'zh-CN',
      signal: this.abort.signal,
    });
    try {
      return await client.call('sync.claims', { body });
    } catch (error) {
      if (!(error instanceof CloudError)) throw error;
      this.logger.warn('sync: online claim not answered', { code: error.code });
      return null;
    }
  }

  /**
   * A call on a staff member's behalf to a cloud endpoint this PC's pairing may use (check-in
   * tasks live in the cloud): CLOUD_NOT_PAIRED when unpaired, the cloud's refusal as its own
   * translated AppError, SYNC_CLOUD_UNREACHABLE when it does not answer.
   */
  async callCloud<N extends EndpointName>(
    name: N,
    request: CloudRequest<N> = {},
  ): Promise<{ data: EndpointOutput<N>; cloudUrl: string }> {
    const link = this.link.get();
    if (!link || link.state !== 'paired') throw new AppError('CLOUD_NOT_PAIRED');
    const client = this.client(link.cloudUrl, link.nextToken ?? link.token);
    const data = await this.cloudCall(() => client.call(name, request));
    return { data, cloudUrl: link.cloudUrl };
  }

  /** The store of this PC's till, if it is one. */
  tillStoreId(): string | null {
    return this.deviceStoreId();
  }

  /**
   * The chain's stock and takings; a cloud without them (older) leaves the round a success all
   * the same.
   */
  private async fetchChain(client: CloudClient) {
    try {
      await this.chain.fetch(client, () => this.closed);
      if (!this.closed) await this.takings.fetch(client);
    } catch (error) {
      if (!(error instanceof CloudError) || error.failure === 'transient') throw error;
      this.logger.warn('sync: chain stock not fetched', { code: error.code });
    }
  }

  private async pullAll(client: CloudClient, link: LinkRow) {
    let cursor = link.cursor;
    for (;;) {
      if (this.closed) return;
      const page = await client.call('sync.pull', {
        query: { after: cursor, limit: String(this.config.pullLimit) },
      });
      const next = page.cursor;
      this.applier.applyPage(page.events, () => this.link.update({ cursor: next }));
      cursor = next;
      if (!page.hasMore) return;
    }
  }

  private failed(error: unknown, usedToken: string): RoundResult {
    const now = this.clock.now();
    if (error instanceof CloudError) {
      const message = `${error.code}: ${error.message}`;
      const current = this.link.get();
      // A 401 for a token rotated away meanwhile says nothing about the pairing: retry.
      const rotatedMeanwhile = current && (current.nextToken ?? current.token) !== usedToken;
      if (error.failure === 'unauthorized' && !rotatedMeanwhile) {
        this.logger.warn('sync: the cloud ended the pairing (401)');
        this.link.update({ state: 'revoked', lastError: message, lastErrorAt: now });
        return { ok: 'idle' };
      }
      this.offline = error.failure === 'transient';
      this.link.update({ lastError: message, lastErrorAt: now });
      this.logger.warn('sync: round failed', { failure: error.failure, code: error.code });
      return { ok: false, retryAfterMs: error.retryAfterMs };
    }
    this.logger.error('sync: round failed', { error: describe(error) });
    this.link.update({ lastError: describe(error), lastErrorAt: now });
    return { ok: false, retryAfterMs: null };
  }

  // --- status ---------------------------------------------------------------------------------

  status(): SyncStatus {
    const link = this.link.get();
    const issues = (kind: 'conflict' | 'dead') =>
      this.adb.db
        .select({ n: count() })
        .from(syncIssues)
        .where(and(eq(syncIssues.kind, kind), isNull(syncIssues.resolvedAt)))
        .get()!.n;
    const pushedCount = this.adb.db
      .select({ n: count() })
      .from(outbox)
      .where(isNotNull(outbox.sentAt))
      .get()!.n;
    return {
      state: this.state(link),
      cloudUrl: link?.cloudUrl ?? null,
      deviceId: link?.deviceId ?? null,
      deviceName: link?.deviceName ?? null,
      merchant: link
        ? { id: link.merchantId, name: link.merchantName, code: link.merchantCode }
        : null,
      pairedAt: link?.pairedAt ?? null,
      lastSyncAt: link?.lastSyncAt ?? null,
      lastError: link?.lastError ?? null,
      lastErrorAt: link?.lastErrorAt ?? null,
      nextAttemptAt: link?.state === 'paired' ? this.scheduler.nextAttemptAt : null,
      retryNotBefore: link?.state === 'paired' ? this.scheduler.retryNotBefore : null,
      failedRounds: link?.state === 'paired' ? this.scheduler.failedRounds : 0,
      pendingCount: this.pusher.pendingCount(),
      deadLetterCount: issues('dead'),
      conflictCount: issues('conflict'),
      pushedCount,
    };
  }

  private state(link: LinkRow | null): SyncState {
    if (!link) return 'unpaired';
    if (link.state === 'revoked') return 'revoked';
    if (this.syncing) return 'syncing';
    return this.offline ? 'offline' : 'idle';
  }

  private emitStatus() {
    if (!this.closed) this.adb.emitAfterCommit('sync.statusChanged', this.status());
  }

  // --- helpers --------------------------------------------------------------------------------

  private requireLink(): LinkRow {
    const link = this.link.get();
    if (!link) throw new AppError('SYNC_NOT_PAIRED');
    return link;
  }

  private deviceStoreId(): string | null {
    const terminalId = this.settings.deviceTerminalId();
    if (!terminalId) return null;
    return (
      this.adb.db
        .select({ storeId: terminals.storeId })
        .from(terminals)
        .where(eq(terminals.id, terminalId))
        .get()?.storeId ?? null
    );
  }

  private client(baseUrl: string, token: string | null) {
    return new CloudClient({
      baseUrl,
      token,
      timeoutMs: this.config.requestTimeoutMs,
      lang: 'zh-CN',
      signal: this.abort.signal,
    });
  }

  /** A call made on a manager's behalf: its failure becomes a translated AppError. */
  private async cloudCall<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof CloudError)) throw error;
      if (error.failure === 'transient')
        throw new AppError('SYNC_CLOUD_UNREACHABLE', { detail: error.message });
      if (error.code in ERROR_STATUS && error.code !== 'UNAUTHENTICATED')
        throw new AppError(error.code as ErrorCode, error.details);
      throw new AppError('SYNC_PAIRING_REFUSED', { detail: error.message });
    }
  }
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));
