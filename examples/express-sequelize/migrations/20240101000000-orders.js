module.exports = {
  async up(queryInterface) {
    await queryInterface.addIndex('Orders', ['status']);
  },
};
