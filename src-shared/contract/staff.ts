import { z } from 'zod';
import { ALL_STAFF, MANAGERS, ROLES, event, method } from './define';
import { epochMsSchema, idSchema, newPinSchema, personNameSchema, pinSchema } from '../validation';

export const roleSchema = z.enum(ROLES);

export const staffSchema = z.object({
  id: idSchema,
  name: z.string(),
  role: roleSchema,
  storeId: idSchema.nullable(),
  active: z.boolean(),
  lockedUntil: epochMsSchema.nullable(),
  lastLoginAt: epochMsSchema.nullable(),
  createdAt: epochMsSchema,
  updatedAt: epochMsSchema,
});
export type Staff = z.infer<typeof staffSchema>;

export const staffMethods = {
  'staff.list': method({
    summary: 'Staff members (owners and managers see everyone)',
    input: z.object({ includeInactive: z.boolean().default(false) }),
    output: z.array(staffSchema),
    access: MANAGERS,
  }),
  'staff.create': method({
    summary: 'Add a staff member with a 6-digit PIN (managers may add cashiers only)',
    input: z.object({
      name: personNameSchema,
      role: roleSchema,
      pin: newPinSchema,
      storeId: idSchema.nullable().default(null),
    }),
    output: staffSchema,
    access: MANAGERS,
  }),
  'staff.update': method({
    summary: "Change a staff member's name, role or home store",
    input: z.object({
      id: idSchema,
      name: personNameSchema.optional(),
      role: roleSchema.optional(),
      storeId: idSchema.nullable().optional(),
    }),
    output: staffSchema,
    access: MANAGERS,
  }),
  'staff.deactivate': method({
    summary: 'Take away access; ends every session of that staff member at once',
    input: z.object({ id: idSchema }),
    output: staffSchema,
    access: MANAGERS,
  }),
  'staff.reactivate': method({
    summary: 'Give a deactivated staff member access again',
    input: z.object({ id: idSchema }),
    output: staffSchema,
    access: MANAGERS,
  }),
  'staff.resetPin': method({
    summary:
      "Set a new PIN; also lifts a lock-out and ends the staff member's other sessions. Your own PIN needs `currentPin`",
    input: z.object({ id: idSchema, pin: newPinSchema, currentPin: pinSchema.optional() }),
    output: staffSchema,
    access: MANAGERS,
  }),
} as const;

export const staffEvents = {
  'staff.changed': event({ payload: z.object({ staffId: idSchema }), access: ALL_STAFF }),
} as const;
