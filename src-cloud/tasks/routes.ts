import type { FastifyInstance } from 'fastify';
import { AppError } from '../../src-node/app-error';
import { registerEndpoint, type EndpointDeps } from '../http/endpoint';
import type { MerchantsService } from '../merchants/service';
import type { TaskOrders } from './orders';
import type { TasksService } from './service';

/**
 * Check-in tasks: the merchant's device creates, funds, publishes, closes and verifies; the
 * operator confirms manual payments; the phone finds, accepts and checks in.
 */
export function registerTaskRoutes(
  app: FastifyInstance,
  deps: EndpointDeps,
  merchants: MerchantsService,
  tasks: TasksService,
  orders: TaskOrders,
) {
  registerEndpoint(app, deps, 'admin.confirmPayment', async ({ params }) =>
    tasks.confirmPayment(params.merchantId, params.paymentId),
  );
  registerEndpoint(app, deps, 'tasks.create', async ({ body }, ctx) =>
    tasks.create(ctx.device, body),
  );
  registerEndpoint(app, deps, 'tasks.list', async (_input, ctx) =>
    tasks.list(ctx.device.merchantId),
  );
  registerEndpoint(app, deps, 'tasks.verify', async ({ body }, ctx) =>
    tasks.verify(ctx.device, body.code),
  );
  registerEndpoint(app, deps, 'tasks.update', async ({ params, body }, ctx) =>
    tasks.update(ctx.device, params.taskId, body),
  );
  registerEndpoint(app, deps, 'tasks.fund', async ({ params, body }, ctx) =>
    tasks.fund(ctx.device, params.taskId, body),
  );
  registerEndpoint(app, deps, 'tasks.publish', async ({ params }, ctx) =>
    tasks.publish(ctx.device, params.taskId),
  );
  registerEndpoint(app, deps, 'tasks.close', async ({ params }, ctx) =>
    tasks.close(ctx.device.merchantId, params.taskId),
  );
  registerEndpoint(app, deps, 'tasks.orders', async ({ params, query }, ctx) =>
    tasks.orders(ctx.device.merchantId, params.taskId, query.state),
  );
  registerEndpoint(app, deps, 'tasks.siteCode', async ({ params, query }, ctx) => {
    // A till shows its own store's code.
    if (ctx.device.storeId && ctx.device.storeId !== query.storeId)
      throw new AppError('TASK_OTHER_STORE');
    const merchant = await merchants.get(ctx.device.merchantId);
    return tasks.siteCode(merchant.code, merchant.id, params.taskId, query.storeId);
  });
  registerEndpoint(app, deps, 'consumers.tasks', async ({ query }, ctx) =>
    orders.nearby(ctx.consumer, query),
  );
  registerEndpoint(app, deps, 'consumers.acceptTask', async ({ params, body }, ctx) =>
    orders.accept(ctx.consumer, params.taskId, body),
  );
  registerEndpoint(app, deps, 'consumers.siteCheckin', async ({ params, body }, ctx) =>
    orders.siteCheckin(ctx.consumer, params.taskId, body.code),
  );
  registerEndpoint(app, deps, 'consumers.taskOrder', async ({ params }, ctx) =>
    orders.order(ctx.consumer, params.orderId),
  );
  registerEndpoint(app, deps, 'consumers.checkin', async ({ params, body }, ctx) =>
    orders.checkin(ctx.consumer, params.orderId, body),
  );
}
