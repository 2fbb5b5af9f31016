// Offline schema checks of infra/ (SchemaCheckTest runs this in ./mvnw verify; the packages are those of
// package.json, installed by the test into a cache directory):
//   - every Terraform resource and data block, argument and nested block exists in hashicorp/aws 5.99.1
//     (the generated bindings of @cdktf/provider-aws 19.65.1; HCL parsed by @cdktf/hcl2json);
//   - every member of the ecspresso task and service definitions exists in the ECS API model
//     (RegisterTaskDefinitionRequest, CreateServiceRequest of @aws-sdk/client-ecs), enums hold known values;
//   - every GitHub workflow passes @action-validator.
//
//   node check.mjs <repository root> [terraform dir] [ecspresso dir] [workflows dir]
// Prints one line per problem and exits 1 when there is any.
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { join, relative, dirname } from "node:path";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";

const require = createRequire(import.meta.url);
const root = process.argv[2] ?? process.cwd();
const terraformDir = process.argv[3] ?? join(root, "infra/terraform");
const ecspressoDir = process.argv[4] ?? join(root, "infra/ecspresso");
const workflowsDir = process.argv[5] ?? join(root, ".github/workflows");
const problems = [];
const counts = { terraformBlocks: 0, ecsDefinitions: 0, workflows: 0 };

function files(dir, suffix) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === ".terraform" || name === "node_modules") return [];
    return statSync(path).isDirectory() ? files(path, suffix) : name.endsWith(suffix) ? [path] : [];
  });
}

// ---------------------------------------------------------------------------------------------------
// Terraform against the provider's generated bindings

const providerLib = dirname(require.resolve("@cdktf/provider-aws/package.json")) + "/lib";
const META = new Set(["count", "for_each", "provider", "depends_on", "lifecycle", "dynamic", "provisioner", "connection"]);
const bindings = new Map();

/** The binding of a resource or data source: its top-level keys and, per key, the nested struct function. */
function binding(kind, type) {
  const candidates = kind === "data" ? [`data-aws-${type.slice(4).replace(/_/g, "-")}`] : [type.slice(4).replace(/_/g, "-")];
  for (const candidate of candidates) {
    if (bindings.has(candidate)) return bindings.get(candidate);
    const file = join(providerLib, candidate, "index.js");
    if (!existsSync(file)) continue;
    const source = readFileSync(file, "utf8");
    const structs = new Map();
    for (const fn of source.matchAll(/function (\w+)ToTerraform\(struct\) \{([\s\S]*?)\n\}/g)) {
      structs.set(fn[1], keysOf(fn[2]));
    }
    const top = source.match(/synthesizeAttributes\(\) \{\s*return \{([\s\S]*?)\n\s*\};/);
    const result = { top: top ? keysOf(top[1]) : null, structs };
    bindings.set(candidate, result);
    return result;
  }
  return null;
}

/** key -> nested struct name (or null for a plain argument), from a generated `{ key: ...ToTerraform(...) }`. */
function keysOf(body) {
  const keys = new Map();
  for (const line of body.matchAll(/^\s*([a-z0-9_]+): (.*)$/gm)) {
    const nested = [...line[2].matchAll(/(\w+)ToTerraform\b/g)]
      .map((m) => m[1])
      .find((n) => !/^(string|number|boolean|hash|list|date)/.test(n));
    keys.set(line[1], nested ?? null);
  }
  return keys;
}

function checkBody(where, body, keys, structs) {
  for (const [key, value] of Object.entries(body)) {
    if (META.has(key)) {
      if (key === "dynamic") {
        for (const [blockName, generators] of Object.entries(value)) {
          for (const generator of [].concat(generators)) {
            for (const content of [].concat(generator.content ?? [])) {
              checkKey(where, blockName, content, keys, structs);
            }
          }
        }
      }
      continue;
    }
    for (const item of Array.isArray(value) && value.length && typeof value[0] === "object" && !Array.isArray(value[0]) ? value : [value]) {
      checkKey(where, key, item, keys, structs);
    }
  }
}

function checkKey(where, key, value, keys, structs) {
  if (!keys.has(key)) {
    problems.push(`${where}: unknown argument or block "${key}"`);
    return;
  }
  const nested = keys.get(key);
  if (nested && value && typeof value === "object" && !Array.isArray(value) && structs.has(nested)) {
    checkBody(`${where}.${key}`, value, structs.get(nested), structs);
  }
}

const { parse } = require("@cdktf/hcl2json");
for (const file of files(terraformDir, ".tf")) {
  const json = await parse(file, readFileSync(file, "utf8"));
  for (const kind of ["resource", "data"]) {
    for (const [type, named] of Object.entries(json[kind] ?? {})) {
      if (!type.startsWith("aws_")) continue;
      for (const [name, bodies] of Object.entries(named)) {
        const where = `${relative(root, file)}: ${kind === "data" ? "data." : ""}${type}.${name}`;
        counts.terraformBlocks++;
        const b = binding(kind, type);
        if (!b || !b.top) {
          problems.push(`${where}: hashicorp/aws 5.99.1 has no ${kind} type ${type}`);
          continue;
        }
        for (const body of [].concat(bodies)) checkBody(where, body, b.top, b.structs);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// ecspresso definitions against the ECS API model (the SDK's TypeScript declarations)

const ecsTypes = dirname(require.resolve("@aws-sdk/client-ecs/package.json")) + "/dist-types/models";
const declarations = readdirSync(ecsTypes).filter((f) => f.endsWith(".d.ts")).map((f) => readFileSync(join(ecsTypes, f), "utf8")).join("\n");
const interfaces = new Map();
for (const m of declarations.matchAll(/export interface (\w+) \{([\s\S]*?)\n\}/g)) {
  const members = new Map();
  for (const member of m[2].matchAll(/^ {4}(\w+)\??: ([^;]+);/gm)) members.set(member[1], member[2]);
  interfaces.set(m[1], members);
}
const enums = new Map();
for (const m of declarations.matchAll(/export declare const (\w+): \{([\s\S]*?)\};/g)) {
  enums.set(m[1], new Set([...m[2].matchAll(/readonly \w+: "([^"]*)"/g)].map((v) => v[1])));
}

function checkShape(where, value, shapeName) {
  const members = interfaces.get(shapeName);
  if (!members) return;
  for (const [key, child] of Object.entries(value)) {
    if (!members.has(key)) {
      problems.push(`${where}: ${shapeName} has no member "${key}"`);
      continue;
    }
    checkValue(`${where}.${key}`, child, members.get(key));
  }
}

function checkValue(where, value, type) {
  const named = type.replace(/\| undefined/g, "").trim();
  const array = named.match(/^\(?(\w+)\)?\[\]$/) ?? named.match(/^Array<(\w+)>$/);
  if (array && Array.isArray(value)) {
    value.forEach((item, i) => checkValue(`${where}[${i}]`, item, array[1]));
    return;
  }
  const base = named.match(/^(\w+)$/)?.[1];
  if (!base) return;
  if (interfaces.has(base) && value && typeof value === "object" && !Array.isArray(value)) {
    checkShape(where, value, base);
  } else if (enums.has(base) && typeof value === "string" && !value.includes("{{")) {
    if (!enums.get(base).has(value)) problems.push(`${where}: "${value}" is not a ${base} (${[...enums.get(base)].join(", ")})`);
  }
}

for (const config of files(ecspressoDir, "ecspresso.yml")) {
  const dir = dirname(config);
  const text = readFileSync(config, "utf8");
  const service = text.match(/^service_definition:\s*(\S+)/m)?.[1];
  const task = text.match(/^task_definition:\s*(\S+)/m)?.[1];
  if (task) {
    counts.ecsDefinitions++;
    checkShape(relative(root, join(dir, task)), JSON.parse(readFileSync(join(dir, task), "utf8")), "RegisterTaskDefinitionRequest");
  }
  if (service && !service.startsWith("..")) {
    counts.ecsDefinitions++;
    checkShape(relative(root, join(dir, service)), JSON.parse(readFileSync(join(dir, service), "utf8")), "CreateServiceRequest");
  }
}

// ---------------------------------------------------------------------------------------------------
// Workflows

const validator = join(dirname(require.resolve("@action-validator/cli/package.json")), "cli.mjs");
for (const workflow of files(workflowsDir, ".yml")) {
  counts.workflows++;
  try {
    execFileSync(process.execPath, [validator, workflow], { stdio: "pipe" });
  } catch (e) {
    const output = `${e.stdout ?? ""}${e.stderr ?? ""}`.trim().split("\n").slice(0, 20).join("\n  ");
    problems.push(`${relative(root, workflow)}: action-validator: ${output}`);
  }
}

console.log(`checked ${counts.terraformBlocks} Terraform blocks, ${counts.ecsDefinitions} ECS definitions, ${counts.workflows} workflows`);
for (const problem of problems) console.log(`PROBLEM ${problem}`);
process.exit(problems.length > 0 || counts.terraformBlocks === 0 || counts.ecsDefinitions === 0 || counts.workflows === 0 ? 1 : 0);
