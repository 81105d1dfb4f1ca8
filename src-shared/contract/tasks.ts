import { z } from 'zod';
import {
  fundTaskBodySchema,
  fundTaskResponseSchema,
  merchantTaskOrderSchema,
  siteCodeSchema,
  taskDefinitionSchema,
  taskOrderStateSchema,
  taskSchema,
  verifyTaskResponseSchema,
} from '../sync/tasks';
import { epochMsSchema, idSchema } from '../validation';
import { ALL_STAFF, MANAGERS, event, method } from './define';

// Check-in tasks (打卡任务): the cloud keeps them (it validates, holds the prepaid pool, decides
// check-ins), so these methods need the PC paired and the cloud reachable; the till's scan of a
// phone's task QR goes through the same scanner routing as coupons.

const taskIdInput = z.object({ taskId: idSchema });

export const tasksMethods = {
  'tasks.create': method({
    summary:
      'Create a check-in task as a draft in the cloud, which names every rule it breaks (TASK_INVALID, details.failures)',
    input: taskDefinitionSchema,
    output: taskSchema,
    access: MANAGERS,
  }),
  'tasks.update': method({
    summary: 'Edit a draft task (a published one: its title and description only)',
    input: taskDefinitionSchema.extend({ taskId: idSchema }),
    output: taskSchema,
    access: MANAGERS,
  }),
  'tasks.fund': method({
    summary:
      'Fund the task’s reward pool through a payment provider (fake: at once; manual: once the operator confirms the transfer quoting the reference)',
    input: fundTaskBodySchema.extend({ taskId: idSchema }),
    output: fundTaskResponseSchema,
    access: MANAGERS,
  }),
  'tasks.publish': method({
    summary: 'Publish a task whose pool covers every place: phones see it from then on',
    input: taskIdInput,
    output: taskSchema,
    access: MANAGERS,
  }),
  'tasks.close': method({
    summary: 'End a task: open orders lapse, the pool refunds what is left',
    input: taskIdInput,
    output: taskSchema,
    access: MANAGERS,
  }),
  'tasks.list': method({
    summary: 'The merchant’s check-in tasks with their pools, places and orders per state',
    input: z.object({}).default({}),
    output: z.object({ tasks: z.array(taskSchema) }),
    access: MANAGERS,
  }),
  'tasks.orders': method({
    summary: 'A task’s orders (phones masked), newest first, optionally of one state',
    input: z.object({ taskId: idSchema, state: taskOrderStateSchema.optional() }),
    output: z.object({ orders: z.array(merchantTaskOrderSchema) }),
    access: MANAGERS,
  }),
  'tasks.verify': method({
    summary:
      'The till scanned a phone’s task QR: the order completes and its reward goes to the phone at once (again: completedNow false)',
    input: z.object({ code: z.string().trim().min(1).max(200) }),
    output: verifyTaskResponseSchema,
    access: ALL_STAFF,
  }),
  'tasks.siteCode': method({
    summary:
      'The rotating QR this till shows for phones to scan (bound to the task and this store; a new one every 30 s)',
    input: taskIdInput,
    output: siteCodeSchema.extend({ url: z.string() }),
    access: ALL_STAFF,
  }),
};

export const tasksEvents = {
  /** An order's arrival estimate is after the deadline (可能迟到): a notification for managers. */
  'tasks.lateRisk': event({
    payload: z.object({
      orderId: idSchema,
      taskId: idSchema,
      title: z.string(),
      phoneMasked: z.string(),
      estimatedArrivalAt: epochMsSchema.nullable(),
    }),
    access: MANAGERS,
  }),
};
