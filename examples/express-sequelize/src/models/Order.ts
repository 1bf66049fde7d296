import { DataTypes, Model } from 'sequelize';
import { sequelize } from '../db';
import { Customer } from './Customer';

export class Order extends Model {}

Order.init(
  {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    status: DataTypes.STRING,
    placedAt: DataTypes.DATE,
  },
  { sequelize, indexes: [{ fields: ['placedAt'] }] },
);

Order.belongsTo(Customer);
Customer.hasMany(Order);
