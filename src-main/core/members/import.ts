import { sql } from 'drizzle-orm';
import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract';
import {
  REQUIRED_MEMBER_IMPORT_FIELDS,
  type MemberImportField,
  type MemberImportMapping,
  type MemberImportRow,
} from '../../../src-shared/contract/member-import';
import { CONSENT_PURPOSES } from '../../../src-shared/contract/members';
import {
  guessMemberMapping,
  parseBirthday,
  parseGender,
  parsePoints,
  splitTags,
} from '../../../src-shared/members/import-cells';
import { maskPhone, normalizeMainlandMobile } from '../../../src-shared/phone';
import { localDate } from '../../../src-shared/time';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import { newId } from '../../../src-node/ids';
import type { AuditService } from '../audit/service';
import type { AppDatabase } from '../db/database';
import type { MemberRow } from '../events/catalogue';
import { readImportFile, type ImportTable } from '../imports/file';
import { ImportReport, columnReader, usableMapping } from '../imports/report';
import type { HandlerContext } from '../platform/context';
import type { PointsLedger } from '../points/ledger';
import { expiryOf } from '../points/rules';
import { nameInitials } from '../products/initials';
import type { SettingsService } from '../settings/service';
import { staffIdOf } from '../stock/ledger';
import type { StoresService } from '../stores/service';
import type { MembersLedger } from './ledger';
import type { LevelsService } from './levels';
import { members } from './schema';
import { readMemberSettings } from './settings';

type ImportInput = ParsedInputOf<'members.import'>;
export type MemberImportProgress = (phase: 'writing', done: number, total: number) => void;

const PREVIEW_ROWS = 200;
const MAX_ISSUES = 1000;
const PROGRESS_EVERY = 500;
const MAX_NAME = 40;
const MAX_NOTE = 500;
const MAX_TAG = 20;
const MAX_TAGS = 20;
/** The reason the opening lot is written for (audit; see the report on the points ledger). */
export const OPENING_POINTS_REASON = '导入期初积分';

/** A row as checked, with what the write needs beside what the preview shows. */
interface CheckedRow extends MemberImportRow {
  /** E.164, or null when the cell is not a mainland mobile. */
  e164: string | null;
}

interface CheckedFile {
  table: ImportTable;
  mapping: MemberImportMapping;
  rows: CheckedRow[];
  issues: MemberImportRow['issues'];
}

/** What the import is built from: the ledgers (the only writers) and what it reads. */
export interface MemberImportDeps {
  adb: AppDatabase;
  clock: Clock;
  audit: AuditService;
  members: MembersLedger;
  points: PointsLedger;
  levels: LevelsService;
  settings: SettingsService;
  stores: StoresService;
}

/**
 * A shop's member list from its old system or a spreadsheet, in the products import's two
 * steps: a preview that reads and checks every row and writes nothing, then the import, which
 * checks again and writes every member in one transaction, or none. Members are written by the
 * members ledger (so the outbox rows and the audit follow), opening points by the points ledger.
 * Phones already members are skipped (or updated on request), so the same file twice adds
 * nothing.
 */
export class MemberImportService {
  constructor(private readonly deps: MemberImportDeps) {}

  async preview(
    ctx: HandlerContext,
    input: ImportInput,
  ): Promise<OutputOf<'members.importPreview'>> {
    const checked = await this.check(ctx, input);
    const clean = checked.rows.filter((r) => !r.issues.length);
    const order = (r: CheckedRow) => (r.issues.length ? 0 : r.action === 'existing' ? 1 : 2);
    const shown = [...checked.rows].sort((a, b) => order(a) - order(b) || a.row - b.row);
    return {
      format: checked.table.format,
      encoding: checked.table.encoding,
      headers: checked.table.headers,
      mapping: checked.mapping,
      rowCount: checked.rows.length,
      createCount: clean.filter((r) => r.action === 'create').length,
      updateCount: clean.filter((r) => r.action === 'update').length,
      existingCount: clean.filter((r) => r.action === 'existing').length,
      errorCount: checked.issues.length,
      rows: shown.slice(0, PREVIEW_ROWS).map(({ e164: _e164, ...row }) => row),
      issues: checked.issues.slice(0, MAX_ISSUES),
    };
  }

  async commit(
    ctx: HandlerContext,
    input: ImportInput,
    progress: MemberImportProgress = () => {},
  ): Promise<OutputOf<'members.import'>> {
    const started = performance.now();
    const checked = await this.check(ctx, input);
    const rowless = checked.issues.filter(
      (issue) => !checked.rows.some((row) => row.issues.includes(issue)),
    );
    if (checked.issues.length && (!input.skipInvalid || rowless.length))
      throw new AppError('MEMBERS_IMPORT_INVALID', {
        errorCount: checked.issues.length,
        first: checked.issues[0]!.message,
        problems: checked.issues.slice(0, 50),
      });
    const { adb, clock, stores, audit } = this.deps;
    const rows = checked.rows.filter((row) => !row.issues.length);
    const skipped = checked.rows.length - rows.length;
    const store = stores.ofCaller(ctx.actor);
    const timeZone = store?.timezone ?? 'Asia/Shanghai';
    const writeStarted = performance.now();
    const result = adb.write(() => {
      const at = clock.now();
      // Checked again inside the write: a till may have signed one of these phones up since.
      const existing = this.membersByPhone(rows.map((r) => r.e164!));
      const settings = readMemberSettings(this.deps.settings);
      const counts = { created: 0, updated: 0, existing: 0, openingPoints: 0 };
      rows.forEach((row, i) => {
        const member = existing.get(row.e164!);
        if (!member) {
          counts.openingPoints += this.create(ctx, row, store?.id ?? null, at, settings, timeZone);
          counts.created++;
        } else if (input.updateExisting) {
          if (this.update(ctx, member, row, checked.mapping, at)) counts.updated++;
          else counts.existing++;
        } else counts.existing++;
        if ((i + 1) % PROGRESS_EVERY === 0) progress('writing', i + 1, rows.length);
      });
      audit.record(ctx, {
        action: 'members.import',
        targetType: 'member',
        storeId: store?.id ?? null,
        details: {
          fileName: input.fileName,
          ...counts,
          skipped,
          ...(counts.openingPoints ? { pointsReason: OPENING_POINTS_REASON } : {}),
        },
      });
      return counts;
    });
    const finished = performance.now();
    return {
      ...result,
      skipped,
      durationMs: Math.round(finished - started),
      writeMs: Math.round(finished - writeStarted),
    };
  }

  /** A new member, with no consent given, the sign-up level, and the opening points lot. */
  private create(
    ctx: HandlerContext,
    row: CheckedRow,
    storeId: string | null,
    at: number,
    settings: ReturnType<typeof readMemberSettings>,
    timeZone: string,
  ): number {
    const member: MemberRow = {
      id: newId(at),
      phone: row.e164!,
      phoneLast4: row.e164!.slice(-4),
      name: row.name,
      nameInitials: nameInitials(row.name),
      gender: row.gender,
      birthday: row.birthday,
      birthYear: row.birthYear,
      storeId,
      levelId: null,
      levelReviewAt: null,
      deletedAt: null,
      mergedIntoId: null,
      tags: row.tags,
      note: row.note,
      createdAt: at,
      updatedAt: at,
    };
    this.deps.members.create(ctx, member);
    // A list from elsewhere proves no consent (PIPL): each purpose is on file as not given, from
    // 'import', so the member's page offers 同意 when the member gives it at the till. The text
    // kept is the shop's consent text, which a later grant from that page records as shown.
    for (const purpose of CONSENT_PURPOSES)
      this.deps.members.consent(ctx, {
        id: newId(at),
        memberId: member.id,
        purpose,
        granted: false,
        source: 'import',
        textShown: settings.consentTexts[purpose],
        staffId: staffIdOf(ctx),
        at,
      });
    this.deps.levels.onSignUp(ctx, member, at);
    // No welcome coupon: these are the shop's existing customers, not new sign-ups.
    if (!row.points) return 0;
    this.deps.points.earn(
      ctx,
      [
        {
          id: newId(at),
          memberId: member.id,
          storeId,
          saleId: null,
          saleLineId: null,
          points: row.points,
          remaining: row.points,
          earnedAt: at,
          // An opening balance was spendable in the old system: no pending days.
          availableAt: at,
          expiresAt: expiryOf(settings.expiry, at, timeZone),
          origin: 'local',
        },
      ],
      'import',
    );
    return row.points;
  }

  /** 更新已有会员: the file's name, birthday and tags (when its columns give them), never consents. */
  private update(
    ctx: HandlerContext,
    before: MemberRow,
    row: CheckedRow,
    mapping: MemberImportMapping,
    at: number,
  ): boolean {
    const next: MemberRow = { ...before };
    const changed: string[] = [];
    const set = <K extends 'name' | 'birthday' | 'birthYear' | 'tags'>(
      key: K,
      value: MemberRow[K],
    ) => {
      if (JSON.stringify(value) === JSON.stringify(before[key])) return;
      next[key] = value;
      changed.push(key);
    };
    // An empty cell leaves what the shop has: the file may simply not know it.
    if (mapping.name !== null && row.name) {
      set('name', row.name);
      next.nameInitials = nameInitials(row.name);
    }
    if (mapping.birthday !== null && row.birthday) {
      set('birthday', row.birthday);
      if (row.birthYear !== null) set('birthYear', row.birthYear);
    }
    if (mapping.tags !== null && row.tags.length) set('tags', row.tags);
    if (!changed.length) return false;
    next.updatedAt = at;
    this.deps.members.update(ctx, next, changed);
    return true;
  }

  private async check(ctx: HandlerContext, input: ImportInput): Promise<CheckedFile> {
    const table = await readImportFile(input.fileName, Buffer.from(input.contentBase64, 'base64'));
    const mapping = usableMapping(
      input.mapping ?? guessMemberMapping(table.headers),
      table.headers,
    );
    const report = new ImportReport<MemberImportField>(
      ctx.lang,
      (messages) => messages.memberImportFields,
    );
    const issue = report.add.bind(report);
    report.requireMapped(mapping, REQUIRED_MEMBER_IMPORT_FIELDS);
    const cell = columnReader(table, mapping);
    const store = this.deps.stores.ofCaller(ctx.actor);
    const thisYear = Number(
      localDate(this.deps.clock.now(), store?.timezone ?? 'Asia/Shanghai').slice(0, 4),
    );

    const rows: CheckedRow[] = table.rows.map(({ row, cells }) => {
      const phoneText = cell(cells, 'phone');
      const e164 = phoneText ? normalizeMainlandMobile(phoneText) : null;
      const checked: CheckedRow = {
        row,
        action: 'create',
        e164,
        phone: e164 ? maskPhone(e164) : phoneText,
        name: cell(cells, 'name'),
        birthday: null,
        birthYear: null,
        gender: 'unknown',
        tags: splitTags(cell(cells, 'tags')),
        points: null,
        note: cell(cells, 'note'),
        issues: [],
      };
      // A required field with no column has one problem (the mapping), not one per row.
      if (!phoneText) {
        if (mapping.phone !== null) issue(checked, row, 'phone', 'REQUIRED');
      } else if (!e164) issue(checked, row, 'phone', 'BAD_PHONE', phoneText);
      if (checked.name.length > MAX_NAME) issue(checked, row, 'name', 'TOO_LONG', checked.name);
      if (checked.note.length > MAX_NOTE) issue(checked, row, 'note', 'TOO_LONG', checked.note);
      if (checked.tags.length > MAX_TAGS || checked.tags.some((tag) => tag.length > MAX_TAG))
        issue(checked, row, 'tags', 'TOO_LONG', cell(cells, 'tags'));
      const birthdayText = cell(cells, 'birthday');
      if (birthdayText) {
        const birthday = parseBirthday(birthdayText, thisYear);
        if (birthday) Object.assign(checked, birthday);
        else issue(checked, row, 'birthday', 'BAD_BIRTHDAY', birthdayText);
      }
      const genderText = cell(cells, 'gender');
      const gender = parseGender(genderText);
      if (gender) checked.gender = gender;
      else issue(checked, row, 'gender', 'BAD_GENDER', genderText);
      const pointsText = cell(cells, 'points');
      if (pointsText) {
        checked.points = parsePoints(pointsText);
        if (checked.points === null) issue(checked, row, 'points', 'BAD_POINTS', pointsText);
      }
      return checked;
    });

    // Duplicates within the file: the later row is the one in error, naming the first.
    const phoneRow = new Map<string, number>();
    for (const row of rows) {
      if (!row.e164) continue;
      const first = phoneRow.get(row.e164);
      if (first !== undefined)
        issue(row, row.row, 'phone', 'DUPLICATE_PHONE_IN_FILE', row.phone, first);
      else phoneRow.set(row.e164, row.row);
    }

    const existing = this.membersByPhone([...phoneRow.keys()]);
    for (const row of rows)
      if (row.e164 && existing.has(row.e164))
        row.action = input.updateExisting ? 'update' : 'existing';
    return { table, mapping, rows, issues: report.sorted() };
  }

  /** The live members among these phones, in one set lookup. */
  private membersByPhone(phones: string[]): Map<string, MemberRow> {
    const rows = this.deps.adb.db
      .select()
      .from(members)
      .where(sql`${members.phone} IN (SELECT value FROM json_each(${JSON.stringify(phones)}))`)
      .all();
    return new Map(rows.map((r) => [r.phone, r]));
  }
}
