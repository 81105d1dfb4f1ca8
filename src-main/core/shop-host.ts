import fs from 'node:fs';
import path from 'node:path';
import { createCore, DATABASE_FILE, type CallOptions, type Core, type CoreOptions } from '.';
import { DEMO_STAFF_PIN } from './analytics/demo/generator';
import type { EventListener } from './platform/event-bus';
import { DEMO_SHOP_KEY } from './settings/shop-settings';

/** The demo shop's data folder, inside the real one's: the real database is never opened for it. */
export const DEMO_FOLDER = 'demo-shop';
/** Days of history in the demo shop: enough for the monthly charts, quick to make (~10 s). */
export const DEMO_SHOP_DAYS = 60;
const DEMO_SEED = 20261121;

export type ShopHostOptions = Omit<CoreOptions, 'shop'> & {
  /** Days of demo history (tests make a short one). */
  demoDays?: number;
};

/**
 * The app over whichever shop is open: the real shop's data folder, or the demo shop's folder
 * beside it. The local API and the Electron window talk to the host as they would to one core;
 * switching (or restoring a backup) waits for the calls under way, closes that core and opens the
 * other, while new calls wait for it.
 */
export class ShopHost {
  private core!: Core;
  private demo = false;
  private gate: Promise<void> = Promise.resolve();
  private inFlight = 0;
  private pending: (() => Promise<void>) | null = null;
  private closed = false;
  private switching = false;

  private constructor(private readonly options: ShopHostOptions) {}

  static async open(options: ShopHostOptions): Promise<ShopHost> {
    const host = new ShopHost(options);
    host.core = await host.build(options.dataDir);
    return host;
  }

  /** The core of the shop open now (for what lives beside the API: scanners, logs). */
  get current(): Core {
    return this.core;
  }

  get isDemo(): boolean {
    return this.demo;
  }

  get logger() {
    return this.options.logger ?? this.core.logger;
  }

  get dataDir(): string {
    return this.core.dataDir;
  }

  get demoDir(): string {
    return path.join(this.options.dataDir, DEMO_FOLDER);
  }

  /** A contract call on the shop open now; a switch it asked for happens before it answers. */
  async call(method: string, input: unknown, callOptions: CallOptions) {
    await this.gate;
    const core = this.core;
    this.inFlight++;
    let result;
    try {
      result = await core.call(method, input, callOptions);
    } finally {
      this.inFlight--;
    }
    const job = this.pending;
    if (job) {
      this.pending = null;
      await job();
    }
    return result;
  }

  readonly events = {
    authorize: (credential: string | null | undefined) => this.core.events.authorize(credential),
    subscribe: (getCredential: () => string | null | undefined, listener: EventListener) =>
      this.core.events.subscribe(getCredential, listener),
  };

  /** Closes the open shop; at once when no switch is under way (the database closes at quit). */
  close(): Promise<void> {
    this.closed = true;
    return this.switching ? this.gate.then(() => this.core.close()) : this.core.close();
  }

  private build(dataDir: string): Promise<Core> {
    return createCore({
      ...this.options,
      dataDir,
      shop: {
        switchTo: (target) => this.request(() => this.switchTo(target)),
        restoreFrom: (file) => this.request(() => this.restore(file)),
      },
    });
  }

  private request(job: () => Promise<void>): void {
    this.pending = job;
  }

  private async switchTo(target: 'demo' | 'real'): Promise<void> {
    // The demo shop is made first, while the real one goes on answering.
    if (target === 'demo') await this.ensureDemoShop();
    await this.reopen(() => this.build(target === 'demo' ? this.demoDir : this.options.dataDir));
    this.demo = target === 'demo';
    this.logger.info('shop switched', { to: target });
  }

  private async restore(file: string): Promise<void> {
    const dataDir = this.options.dataDir;
    const database = path.join(dataDir, DATABASE_FILE);
    const previous = path.join(dataDir, `${DATABASE_FILE}.replaced`);
    await this.reopen(async () => {
      fs.copyFileSync(database, previous);
      try {
        this.copyDatabase(file, database);
        const core = await this.build(dataDir);
        // Sessions in the backup are from before: everyone logs in again.
        core.sqlite
          .prepare(
            `UPDATE sessions SET revoked_at = ?, revoke_reason = 'restore' WHERE revoked_at IS NULL`,
          )
          .run(core.clock.now());
        return core;
      } catch (error) {
        // The backup would not open: the shop goes back to what it was.
        this.logger.error('restored backup failed to open; previous database put back', { error });
        this.copyDatabase(previous, database);
        return this.build(dataDir);
      } finally {
        fs.rmSync(previous, { force: true });
      }
    });
    this.logger.info('backup restored', { file });
  }

  private copyDatabase(from: string, to: string): void {
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${to}${suffix}`, { force: true });
    fs.copyFileSync(from, to);
  }

  /** Waits for the calls under way, closes the open core and opens the next; new calls wait. */
  private async reopen(next: () => Promise<Core>): Promise<void> {
    if (this.closed) return;
    let release!: () => void;
    this.gate = new Promise((resolve) => (release = resolve));
    this.switching = true;
    try {
      for (let waited = 0; this.inFlight > 0 && waited < 10_000; waited += 10)
        await new Promise((resolve) => setTimeout(resolve, 10));
      await this.core.close();
      this.core = await next();
    } finally {
      this.switching = false;
      release();
    }
  }

  /**
   * The demo shop's folder, made once: set up as a demo merchant, marked as the demo shop, and
   * filled in a worker (its history ends at the clock's now). Made in a side folder and moved in
   * whole, so a cut-off attempt never leaves a half-filled demo shop.
   */
  private async ensureDemoShop(): Promise<void> {
    if (fs.existsSync(path.join(this.demoDir, DATABASE_FILE))) return;
    const building = `${this.demoDir}.building`;
    fs.rmSync(building, { recursive: true, force: true });
    const core = await createCore({
      dataDir: building,
      clock: this.options.clock,
      logger: this.logger,
      config: this.options.config,
      migrationsDir: this.options.migrationsDir,
      loadUsb: this.options.loadUsb,
      sendToPrinter: this.options.sendToPrinter,
      queryPrinterStatus: this.options.queryPrinterStatus,
    });
    try {
      const setup = await core.call(
        'setup.initialize',
        {
          merchant: { name: '演示便利连锁', code: 'DEMO' },
          store: { name: '演示总店', districtCode: '320102' },
          owner: { name: '演示店主', pin: DEMO_STAFF_PIN },
        },
        { source: 'app' },
      );
      if (!setup.ok) throw new Error(`demo shop set-up failed: ${setup.error.code}`);
      core.services.settings.set(DEMO_SHOP_KEY, true);
      const jobs = core.services.analyticsJobs;
      // A start-up rebuild of the empty shop may be running: the demo waits for it.
      await jobs.settled();
      jobs.demo(this.options.demoDays ?? DEMO_SHOP_DAYS, DEMO_SEED);
      await jobs.settled();
      if (jobs.current()?.status !== 'done')
        throw new Error(`demo data failed: ${jobs.current()?.error ?? 'unknown'}`);
    } finally {
      await core.close();
    }
    fs.renameSync(building, this.demoDir);
  }
}

export type { EventListener };
