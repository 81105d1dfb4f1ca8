import {
  DEFAULT_SCANNER_SETTINGS,
  scannerSettingsSchema,
  type HidScanner,
  type ScannerSettings,
} from '../../../src-shared/contract/scanner';
import type { HidScanEvent } from '../../devices/scanners/hid-scanners';
import type { AuditService } from '../audit/service';
import type { AppDatabase } from '../db/database';
import type { HandlerContext } from '../platform/context';
import type { Logger } from '../../../src-node/logger';
import type { SettingsService } from '../settings/service';

/** The running HID-POS layer (src-main/devices/scanners), as the service drives it. */
export interface HidScannerLayer {
  start(): Promise<void>;
  stop(): Promise<void>;
  list(): HidScanner[];
}

/** Builds the HID layer with the service's callbacks; rejects when node-hid cannot load. */
export type OpenHidScanners = (callbacks: {
  onScan: (scan: HidScanEvent) => void;
  onDevicesChanged: (devices: HidScanner[]) => void;
}) => Promise<HidScannerLayer>;

const SETTINGS_KEY = 'device.scanner';

const readsHid = (settings: ScannerSettings) => settings.mode !== 'wedge';

/**
 * The scanners of this PC: their settings (kept in this PC's database, see the contract), and
 * the HID-POS scanners read in the main process, whose scans go out as `scanner.scanned`.
 * Without `openHid` (tests, benchmarks) only the settings are served.
 */
export class ScannerService {
  private cached: ScannerSettings | null = null;
  private hid: HidScannerLayer | null = null;
  /** Start and stop of the HID layer, one after the other. */
  private hidQueue: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<(settings: ScannerSettings) => void>();

  constructor(
    private readonly adb: AppDatabase,
    private readonly logger: Logger,
    private readonly audit: AuditService,
    private readonly store: SettingsService,
    private readonly openHid?: OpenHidScanners,
  ) {}

  settings(): ScannerSettings {
    if (!this.cached) {
      // Settings saved by an older version may lack newer fields: the defaults fill them.
      const saved = this.store.get<Partial<ScannerSettings>>(SETTINGS_KEY) ?? {};
      const parsed = scannerSettingsSchema.safeParse({ ...DEFAULT_SCANNER_SETTINGS, ...saved });
      this.cached = parsed.success ? parsed.data : DEFAULT_SCANNER_SETTINGS;
    }
    return this.cached;
  }

  update(ctx: HandlerContext, settings: ScannerSettings): ScannerSettings {
    this.adb.write(() => {
      this.store.set(SETTINGS_KEY, settings);
      this.audit.record(ctx, { action: 'scanner.updateSettings', details: { ...settings } });
      this.adb.emitAfterCommit('scanner.settingsChanged', settings);
    });
    this.cached = settings;
    for (const listener of this.listeners) listener(settings);
    this.applyMode();
    return settings;
  }

  /** For the Electron shell's key capture, which decodes with the same settings. */
  onSettingsChanged(listener: (settings: ScannerSettings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  devices(): HidScanner[] {
    return this.hid?.list() ?? [];
  }

  /** Opens or closes the HID-POS scanners as the mode says. Never throws. */
  applyMode(): Promise<void> {
    const wanted = readsHid(this.settings()) && this.openHid !== undefined;
    this.hidQueue = this.hidQueue.then(async () => {
      if (wanted && !this.hid) await this.startHid();
      else if (!wanted && this.hid) await this.stopHid();
    });
    return this.hidQueue;
  }

  close(): Promise<void> {
    this.hidQueue = this.hidQueue.then(() => this.stopHid());
    return this.hidQueue;
  }

  private async startHid() {
    try {
      const layer = await this.openHid!({
        onScan: (scan) =>
          this.adb.emitAfterCommit('scanner.scanned', {
            data: scan.data,
            symbology: scan.symbology,
            source: 'hid',
            deviceName: scan.deviceName,
            at: scan.at,
            timing: null,
          }),
        onDevicesChanged: (devices) => this.adb.emitAfterCommit('scanner.devicesChanged', devices),
      });
      await layer.start();
      this.hid = layer;
    } catch (error) {
      // No node-hid for this platform, or no HID access: keyboard-wedge scanners still work.
      this.logger.warn('hid: HID-POS scanning unavailable', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  private async stopHid() {
    const layer = this.hid;
    this.hid = null;
    if (!layer) return;
    await layer.stop().catch(() => undefined);
    this.adb.emitAfterCommit('scanner.devicesChanged', []);
  }
}
