import dayjs, { type Dayjs } from 'dayjs';
import type { TemplateRule } from '../../../../src-shared/contract/coupons';
import type { CoordSystem } from '../../../../src-shared/geo/coordinates';
import type { Task, TaskDefinition } from '../../../../src-shared/sync/tasks';
import { taskShapeFailures, type TaskRuleFailure } from '../../../../src-shared/tasks/rules';
import { fenToYuanText } from '../../forms/money';
import { parseYuan } from '../../../../src-shared/money';

// The task form's values as people type them (yuan as text, times as the store's wall clock),
// and the contract's TaskDefinition they become.

export type RewardKind = TaskDefinition['reward']['kind'];

export interface TaskFormValues {
  title: string;
  description: string;
  targetKind: 'store' | 'point';
  storeId?: string;
  lat?: number | null;
  lng?: number | null;
  system: CoordSystem;
  label?: string;
  radiusM: number | null;
  startsAt: Dayjs | null;
  deadlineAt: Dayjs | null;
  rewardKind: RewardKind;
  templateId?: string;
  /** Points given per place. */
  points?: number | null;
  /** What one place costs the pool, in yuan as typed (the coupon's price, the cashback, the points' worth). */
  valueYuan: string;
  places: number | null;
  perPerson: number | null;
  onSiteRequired: boolean;
}

export const DEFAULT_RADIUS_M = 200;
const WEEK_MS = 7 * 24 * 3600_000;

/** A store's wall-clock time shown in the picker (the PC may be set to another zone). */
const inZone = (at: number, timeZone: string) => dayjs(at).tz(timeZone);
/** The picker's wall-clock time, read in the store's zone, as epoch ms. */
const fromZone = (value: Dayjs | null, timeZone: string) =>
  value ? dayjs.tz(value.format('YYYY-MM-DD HH:mm:ss'), timeZone).valueOf() : NaN;

/** A new task: the shop's store within 200 m, from now for a week, one place per person. */
export function newTaskForm(now: number, timeZone: string, storeId?: string): TaskFormValues {
  return {
    title: '',
    description: '',
    targetKind: 'store',
    storeId,
    system: 'gcj02',
    radiusM: DEFAULT_RADIUS_M,
    // To the minute: the picker shows no seconds.
    startsAt: inZone(Math.floor(now / 60_000) * 60_000, timeZone),
    deadlineAt: inZone(Math.floor((now + WEEK_MS) / 60_000) * 60_000, timeZone),
    rewardKind: 'coupon',
    valueYuan: '',
    places: 100,
    perPerson: 1,
    onSiteRequired: true,
  };
}

/** A task as the form edits it. */
export function taskForm(task: Task, timeZone: string): TaskFormValues {
  const { target, reward } = task;
  return {
    title: task.title,
    description: task.description,
    targetKind: target.kind,
    ...(target.kind === 'store'
      ? { storeId: target.storeId, system: 'gcj02' as const }
      : { lat: target.lat, lng: target.lng, system: target.system, label: target.label }),
    radiusM: task.radiusM,
    startsAt: inZone(task.startsAt, timeZone),
    deadlineAt: inZone(task.deadlineAt, timeZone),
    rewardKind: reward.kind,
    templateId: reward.kind === 'coupon' ? reward.templateId : undefined,
    points: reward.kind === 'points' ? reward.points : undefined,
    valueYuan: fenToYuanText(reward.valueFen),
    places: task.places,
    perPerson: task.perPerson,
    onSiteRequired: task.onSiteRequired,
  };
}

/**
 * The definition the form's values make. Numbers a person left empty or typed wrong become NaN
 * or 0, so the shape rules (taskShapeFailures) name them rather than the form guessing.
 */
export function taskDefinition(values: TaskFormValues, timeZone: string): TaskDefinition {
  const valueFen = parseYuan(values.valueYuan ?? '') ?? 0;
  const reward: TaskDefinition['reward'] =
    values.rewardKind === 'coupon'
      ? { kind: 'coupon', templateId: values.templateId ?? '', valueFen }
      : values.rewardKind === 'cashback'
        ? { kind: 'cashback', valueFen }
        : { kind: 'points', points: values.points ?? 0, valueFen };
  return {
    title: values.title?.trim() ?? '',
    description: values.description?.trim() ?? '',
    target:
      values.targetKind === 'store'
        ? { kind: 'store', storeId: values.storeId ?? '' }
        : {
            kind: 'point',
            lat: values.lat ?? NaN,
            lng: values.lng ?? NaN,
            system: values.system,
            label: values.label?.trim() ?? '',
          },
    radiusM: values.radiusM ?? NaN,
    startsAt: fromZone(values.startsAt, timeZone),
    deadlineAt: fromZone(values.deadlineAt, timeZone),
    reward,
    places: values.places ?? NaN,
    perPerson: values.perPerson ?? NaN,
    onSiteRequired: values.onSiteRequired,
  };
}

/** The rules a definition breaks on its own, the same check the cloud makes first. */
export const localFailures = (definition: TaskDefinition, now: number): TaskRuleFailure[] =>
  taskShapeFailures({ ...definition, rewardFen: definition.reward.valueFen }, now);

/** The form field each rule is about, so its text shows under that field. */
export const FAILURE_FIELDS: Record<TaskRuleFailure, keyof TaskFormValues> = {
  radiusOutOfRange: 'radiusM',
  windowInvalid: 'deadlineAt',
  deadlinePassed: 'deadlineAt',
  placesInvalid: 'places',
  perPersonInvalid: 'perPerson',
  rewardValueInvalid: 'valueYuan',
  targetInvalid: 'lat',
  rewardTemplateInactive: 'templateId',
  rewardTemplateEndsEarly: 'templateId',
  targetStoreUnknown: 'storeId',
  targetStoreUnlocated: 'storeId',
};

/**
 * What a coupon of the template is worth, where its rule says (满减 and 抵扣: the amount off;
 * 返现: the cashback): the default cost of one place. 折扣, 单品 and 满赠 have no face value.
 */
export function templateFaceValueFen(rule: TemplateRule): number | null {
  switch (rule.type) {
    case 'threshold':
    case 'voucher':
      return rule.amountFen;
    case 'cashback':
      return rule.rewardFen;
    default:
      return null;
  }
}

/** What `points` are worth at the till (pointsPerYuan points = ¥1), in fen. */
export const pointsWorthFen = (points: number, pointsPerYuan: number): number =>
  Math.round((points * 100) / pointsPerYuan);
