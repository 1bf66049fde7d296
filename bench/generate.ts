// Writes a synthetic project for the benchmark: `npx tsx bench/generate.ts OUT [--files 2000] [--stack mixed|typeorm]`.
// mixed: half Django apps (models, views, settings), half an Express + TypeORM service; typeorm: a
// TypeORM service only (entities and the routes that query them). Both with the usual mistakes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const out = resolve(args.find((a) => !a.startsWith('--')) ?? 'bench-project');
const filesFlag = args.indexOf('--files');
const total = filesFlag >= 0 ? Number(args[filesFlag + 1]) : 2000;
const stackFlag = args.indexOf('--stack');
const stack = stackFlag >= 0 ? args[stackFlag + 1] : 'mixed';

const write = (path: string, text: string) => {
  mkdirSync(join(out, path, '..'), { recursive: true });
  writeFileSync(join(out, path), text);
};

if (stack === 'typeorm') {
  writeTypeormProject();
  process.exit(0);
}

write('manage.py', 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_settings.settings")\n');
write('site_settings/__init__.py', '');
write(
  'site_settings/settings.py',
  `SECRET_KEY = "django-insecure-bench"\nDEBUG = True\nINSTALLED_APPS = ["django.contrib.sessions"]\nMIDDLEWARE = [\n    "django.contrib.auth.middleware.AuthenticationMiddleware",\n    "django.contrib.sessions.middleware.SessionMiddleware",\n]\nSESSION_COOKIE_SECURE = False\n`,
);
write(
  'service/src/app.ts',
  `import express from 'express';\nimport session from 'express-session';\nexport const app = express();\napp.use(session({ secret: 'bench' }));\n`,
);

let written = 4;
for (let i = 0; written < total; i++) {
  const app = `app${i}`;
  write(`${app}/__init__.py`, '');
  write(
    `${app}/models.py`,
    `from django.db import models\n\n\nclass Customer${i}(models.Model):\n    name = models.CharField(max_length=100)\n    email = models.EmailField(unique=True)\n\n\nclass Order${i}(models.Model):\n    customer = models.ForeignKey(Customer${i}, on_delete=models.CASCADE)\n    placed = models.DateTimeField()\n    total = models.DecimalField(max_digits=10, decimal_places=2)\n\n    class Meta:\n        indexes = [models.Index(fields=["placed"])]\n`,
  );
  write(
    `${app}/views.py`,
    `from django.shortcuts import render\n\nfrom .models import Order${i}\n\n\ndef orders(request):\n    rows = []\n    for order in Order${i}.objects.filter(total__gt=10):\n        rows.append(order.customer.name)\n    return render(request, "orders.html", {"rows": rows})\n`,
  );
  write(
    `service/src/entities/Entity${i}.ts`,
    `import { Column, Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';\nimport { Owner } from './Owner';\n\n@Entity()\nexport class Entity${i} {\n  @PrimaryGeneratedColumn()\n  id!: number;\n\n  @Column()\n  title!: string;\n\n  @ManyToOne(() => Owner)\n  owner!: Owner;\n}\n`,
  );
  written += 4;
}
console.log(`wrote ${written} files to ${out}`);

function writeTypeormProject(): void {
  write(
    'src/data-source.ts',
    `import { DataSource } from 'typeorm';\nexport const dataSource = new DataSource({ type: 'postgres', entities: [] });\n`,
  );
  write(
    'src/entities/Owner.ts',
    `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';\n\n@Entity()\nexport class Owner {\n  @PrimaryGeneratedColumn()\n  id!: number;\n\n  @Column()\n  name!: string;\n}\n`,
  );
  for (let i = 0, written = 2; written < total; i++, written += 2) {
    write(
      `src/entities/Item${i}.ts`,
      `import { Column, Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';\nimport { Owner } from './Owner';\n\n@Entity()\nexport class Item${i} {\n  @PrimaryGeneratedColumn()\n  id!: number;\n\n  @Column()\n  title!: string;\n\n  @Column()\n  ownerId!: number;\n\n  @ManyToOne(() => Owner)\n  owner!: Owner;\n}\n`,
    );
    write(
      `src/routes/items${i}.ts`,
      `import { dataSource } from '../data-source';\nimport { Item${i} } from '../entities/Item${i}';\nimport { Owner } from '../entities/Owner';\n\nexport async function list${i}() {\n  const items = await dataSource.getRepository(Item${i}).find({ where: { title: 'x' }, order: { id: 'DESC' } });\n  const owners = dataSource.getRepository(Owner);\n  const rows = [];\n  for (const item of items) rows.push(await owners.findOneBy({ id: item.ownerId }));\n  return rows;\n}\n`,
    );
  }
  console.log(`wrote ${total} files to ${out}`);
}
