import { eq } from 'drizzle-orm';
import type { ParsedInputOf } from '../../../src-shared/contract';
import { LOGO_MAX_BYTES, type Logo, type Printer } from '../../../src-shared/contract/printing';
import { displayCode } from '../../../src-shared/coupons/codes';
import { describeRule } from '../../../src-shared/coupons/describe';
import { formatFen } from '../../../src-shared/money';
import { logoRaster } from '../../../src-shared/slips/dither';
import { PAPER, type Slip, type SlipLogo } from '../../../src-shared/slips/model';
import {
  cashbackSlip,
  couponSlip,
  dailySummarySlip,
  testPage,
} from '../../../src-shared/slips/templates';
import { localDateTime } from '../../../src-shared/time';
import { DEFAULT_TIME_ZONE } from '../../../src-shared/validation';
import { readPng } from '../../devices/printing/logo';
import type { AuditService } from '../audit/service';
import type { IssueService } from '../coupons/issue';
import { cashbackCodes, coupons } from '../coupons/schema';
import type { TemplatesService } from '../coupons/templates';
import type { AppDatabase } from '../db/database';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import type { HandlerContext } from '../platform/context';
import type { ProductsService } from '../products/service';
import type { SettingsService } from '../settings/service';
import { merchant } from '../setup/schema';
import type { StoresService } from '../stores/service';
import { dailyTotals } from './daily-summary';
import type { PrintJobPayload, printJobs } from './schema';

const LOGO_SETTING = 'printing.logo';

type ExtraKind = 'receipt' | 'drawer' | 'close' | 'claimQr';
/** Draws the slip of a job kind that another feature owns (the till's receipt and close). */
export type SlipRenderer<K extends ExtraKind> = (
  payload: Extract<PrintJobPayload, { kind: K }>,
  width: 58 | 80,
  job: typeof printJobs.$inferSelect,
) => Slip;
const LOGO_MAX_PIXELS = 4096;

/**
 * What goes on paper: each slip of a print job as a slip model (coupon, cashback code, daily
 * summary, test page), filled from the database when it prints, and the shop's logo on top.
 */
export class SlipsService {
  /** The logo dithered per paper width; cleared when the logo changes. */
  private readonly logos = new Map<number, SlipLogo | null>();
  private readonly renderers: { [K in ExtraKind]?: SlipRenderer<K> } = {};

  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly stores: StoresService,
    private readonly templates: TemplatesService,
    private readonly issuer: IssueService,
    private readonly products: ProductsService,
    private readonly settings: SettingsService,
  ) {}

  getLogo(): Logo {
    const pngBase64 = this.settings.get<{ png: string | null }>(LOGO_SETTING)?.png ?? null;
    const png = pngBase64 ? readPng(Buffer.from(pngBase64, 'base64')) : null;
    return { pngBase64, width: png?.width ?? null, height: png?.height ?? null };
  }

  /** A PNG (base64, a data: URL is accepted too) or null to print without a logo. */
  setLogo(ctx: HandlerContext, input: ParsedInputOf<'printing.setLogo'>): Logo {
    const base64 = input.pngBase64?.replace(/^data:image\/png;base64,/, '') || null;
    if (base64 !== null) {
      if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) throw new AppError('LOGO_INVALID');
      const bytes = Buffer.from(base64, 'base64');
      if (bytes.length > LOGO_MAX_BYTES)
        throw new AppError('LOGO_TOO_LARGE', { maxKb: LOGO_MAX_BYTES / 1024 });
      const png = readPng(bytes);
      if (!png) throw new AppError('LOGO_INVALID');
      if (png.width > LOGO_MAX_PIXELS || png.height > LOGO_MAX_PIXELS)
        throw new AppError('LOGO_TOO_LARGE', { maxKb: LOGO_MAX_BYTES / 1024 });
    }
    this.adb.write(() => {
      this.settings.set(LOGO_SETTING, { png: base64 });
      this.audit.record(ctx, {
        action: 'printing.setLogo',
        targetType: 'printer',
        targetId: 'logo',
        details: { removed: base64 === null },
      });
    });
    this.logos.clear();
    return this.getLogo();
  }

  /** Lets a feature print its own kind of slip through the queue (the till: receipts, closes). */
  register<K extends ExtraKind>(kind: K, renderer: SlipRenderer<K>): void {
    (this.renderers as Record<K, SlipRenderer<K>>)[kind] = renderer;
  }

  /** The shop's logo for a paper width (null without one). */
  logoFor(width: 58 | 80): SlipLogo | null {
    return this.logo(width);
  }

  /** Slip number `index` of `job`, laid out for `printer`'s paper. */
  forJob(job: typeof printJobs.$inferSelect, index: number, printer: Printer): Slip {
    const width = printer.widthMm;
    const payload = job.payload;
    if (
      payload.kind === 'receipt' ||
      payload.kind === 'drawer' ||
      payload.kind === 'close' ||
      payload.kind === 'claimQr'
    ) {
      const render = this.renderers[payload.kind] as SlipRenderer<typeof payload.kind> | undefined;
      if (!render) throw new Error(`no slip renderer for ${payload.kind}`);
      return render(payload as never, width, job);
    }
    const merchantName = this.adb.db.select().from(merchant).get()?.name ?? '';
    const store =
      payload.kind !== 'test' && payload.storeId ? this.stores.get(payload.storeId) : null;
    const timeZone = store?.timezone ?? DEFAULT_TIME_ZONE;
    const at = (ms: number) => localDateTime(ms, timeZone);
    if (payload.kind === 'summary')
      return dailySummarySlip(width, {
        merchantName,
        storeName: store?.name ?? '',
        date: payload.date,
        ...dailyTotals(this.adb, payload.storeId, payload.date, timeZone),
        printedAtText: at(this.clock.now()),
      });
    if (payload.kind === 'test')
      return testPage(width, { printerName: printer.name, atText: at(this.clock.now()) });
    const code = payload.codes[index]!;
    if (payload.kind === 'cashback') {
      const row = this.adb.db
        .select()
        .from(cashbackCodes)
        .where(eq(cashbackCodes.code, code))
        .get()!;
      return cashbackSlip(width, {
        merchantName,
        storeName: store?.name ?? this.stores.get(row.storeId).name,
        productName: this.products.get(row.productId).name,
        rewardText: formatFen(row.rewardFen),
        code,
        display: displayCode(code),
        qrPayload: this.issuer.qrPayload(code, row.templateId, row.validUntil),
        validUntilText: at(row.validUntil),
        reprint: job.reprint,
        logo: this.logo(width),
      });
    }
    const coupon = this.adb.db.select().from(coupons).where(eq(coupons.code, code)).get()!;
    const template = this.templates.row(coupon.templateId);
    const { rule } = this.templates.version(coupon.templateId, coupon.templateVersion);
    return couponSlip(width, {
      merchantName,
      storeName: store?.name ?? '',
      templateName: template.name,
      ruleText: describeRule(rule, (id) => this.products.get(id).name),
      terms: template.description,
      code,
      display: displayCode(code),
      qrPayload: this.issuer.qrPayload(code, coupon.templateId, coupon.validUntil),
      validUntilText: at(coupon.validUntil),
      issuedAtText: at(coupon.issuedAt),
      reprint: job.reprint,
      logo: this.logo(width),
    });
  }

  private logo(width: 58 | 80): SlipLogo | null {
    if (!this.logos.has(width)) {
      const base64 = this.getLogo().pngBase64;
      const png = base64 ? readPng(Buffer.from(base64, 'base64')) : null;
      this.logos.set(width, png ? logoRaster(png, PAPER[width].dots) : null);
    }
    return this.logos.get(width)!;
  }
}
