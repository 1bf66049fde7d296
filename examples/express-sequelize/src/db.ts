import { Sequelize } from 'sequelize';

export const sequelize = new Sequelize({ dialect: 'postgres', database: 'shop' });
