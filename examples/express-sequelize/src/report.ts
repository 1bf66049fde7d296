import { Order } from './models/Order';

/** Open orders with their customer: the customer is loaded once per order. */
export async function openOrders() {
  const orders = await Order.findAll({ where: { status: 'open' }, order: [['placedAt', 'DESC']] });
  return Promise.all(orders.map(async (order) => ({ order, customer: await order.getCustomer() })));
}
