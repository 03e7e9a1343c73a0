/** LearnFare vouchers (평생교육이용권): programmes, applications, the draw, vouchers, their ledger and statistics. */
import type { AppModule } from '../index.ts';
import { registerVoucherRoutes } from './vouchers.routes.ts';
import { refundCancelledProgram, refundOnCancel } from './vouchers.service.ts';

export const vouchersModule = {
  name: 'vouchers',
  register: registerVoucherRoutes,
  /** For enrolment: a cancelled place's voucher payments are refunded under the refund rules, in the cancellation's transaction. */
  refundOnCancel,
  /** For program-office: a cancelled program (폐강) refunds what was not held of every voucher payment towards it. */
  refundCancelledProgram,
} satisfies AppModule & Record<string, unknown>;
