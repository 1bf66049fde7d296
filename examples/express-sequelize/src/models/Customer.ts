import { DataTypes, Model } from 'sequelize';
import { sequelize } from '../db';

export class Customer extends Model {}

Customer.init(
  {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    email: { type: DataTypes.STRING, unique: true },
    name: DataTypes.STRING,
  },
  { sequelize, hooks: { beforeCreate: (customer) => customer } },
);
