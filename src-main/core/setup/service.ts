import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract';
import type { AuditService } from '../audit/service';
import { hashPin } from '../auth/secrets';
import type { AppDatabase } from '../db/database';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import type { HandlerContext } from '../platform/context';
import { newId } from '../../../src-node/ids';
import type { SettingsService } from '../settings/service';
import { DEMO_SHOP_KEY } from '../settings/shop-settings';
import type { StaffService } from '../staff/service';
import type { StoresService } from '../stores/service';
import { merchant } from './schema';

export class SetupService {
  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly stores: StoresService,
    private readonly staff: StaffService,
    private readonly settings: SettingsService,
  ) {}

  isInitialized(): boolean {
    return this.adb.db.select({ id: merchant.id }).from(merchant).get() !== undefined;
  }

  status(): OutputOf<'setup.status'> {
    const row = this.adb.db.select().from(merchant).get();
    return {
      initialized: row !== undefined,
      merchant: row ? { name: row.name, code: row.code } : null,
      demo: this.settings.get<boolean>(DEMO_SHOP_KEY) === true,
    };
  }

  /** Everything in one transaction: a second run, or a run that fails half-way, leaves no trace. */
  async initialize(
    ctx: HandlerContext,
    input: ParsedInputOf<'setup.initialize'>,
  ): Promise<OutputOf<'setup.initialize'>> {
    if (this.isInitialized()) throw new AppError('ALREADY_INITIALIZED');
    const pinHash = await hashPin(input.owner.pin);
    return this.adb.write(() => {
      // Checked again under the write lock: two wizards racing get one winner.
      if (this.isInitialized()) throw new AppError('ALREADY_INITIALIZED');
      const merchantId = newId();
      this.adb.db
        .insert(merchant)
        .values({
          id: merchantId,
          name: input.merchant.name,
          code: input.merchant.code,
          createdAt: this.clock.now(),
        })
        .run();
      const owner = this.staff.insertWithin({
        name: input.owner.name,
        role: 'owner',
        pinHash,
        storeId: null,
      });
      // The owner-to-be is the one running the wizard: the log says so.
      const asOwner: HandlerContext = {
        ...ctx,
        actor: {
          kind: 'staff',
          staffId: owner.id,
          name: owner.name,
          role: 'owner',
          storeId: null,
          sessionId: 'setup',
          terminalId: null,
        },
      };
      const { store, terminal } = this.stores.createWithin(asOwner, input.store);
      this.settings.set('device.terminalId', terminal.id);
      this.audit.record(asOwner, {
        action: 'setup.initialize',
        targetType: 'merchant',
        targetId: merchantId,
        storeId: store.id,
        terminalId: terminal.id,
        details: { merchant: input.merchant.name, code: input.merchant.code, owner: owner.name },
      });
      return { merchantId, storeId: store.id, terminalId: terminal.id, ownerId: owner.id };
    });
  }
}
