/*
 * The install steps of the plugin READMEs, read from the READMEs themselves so
 * that the install test applies exactly what a reader is told to do.
 *
 * A step is a fenced code block preceded by a marker comment:
 *
 *   <!-- install-step <templates>: run -->                      a shell command
 *   <!-- install-step <templates>: edit <file> top -->          prepended
 *   <!-- install-step <templates>: edit <file> after "a" "b" --> inserted after
 *        the first line containing "b" that follows the first containing "a"
 *   <!-- install-step <templates>: config <file> -->            YAML merged in
 *
 * <templates> is `all`, `legacy` or `next` (comma-separated), the
 * `@backstage/create-app` templates the step is for. An anchor that is not
 * found is an error that names the README, the step and the file: the
 * README no longer matches a new app.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const MARKER = /<!--\s*install-step\s+([\w,]+):\s*(.*?)\s*-->/;
const FENCE = /^```(\w*)\s*$/;

/** The steps of one README, in order. */
function readSteps(readmeFile) {
  const lines = fs.readFileSync(readmeFile, 'utf8').split('\n');
  const steps = [];
  for (let i = 0; i < lines.length; i++) {
    const marker = MARKER.exec(lines[i]);
    if (!marker) continue;
    const where = `${readmeFile}:${i + 1}`;
    let open = i + 1;
    while (open < lines.length && lines[open].trim() === '') open++;
    if (!FENCE.test(lines[open] ?? '')) {
      throw new Error(
        `${where}: an install-step marker must be followed by a fenced code block`,
      );
    }
    let close = open + 1;
    while (close < lines.length && !/^```\s*$/.test(lines[close])) close++;
    if (close >= lines.length)
      throw new Error(`${where}: unterminated code block`);
    steps.push({
      where,
      templates: marker[1].split(','),
      ...parseAction(marker[2], where),
      body: lines.slice(open + 1, close).join('\n'),
    });
    i = close;
  }
  return steps;
}

function parseAction(text, where) {
  const [verb, file, position] = text.split(/\s+/);
  const anchors = [...text.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map(m =>
    m[1].replace(/\\"/g, '"'),
  );
  if (verb === 'run') return { action: 'run' };
  if (verb === 'config' && file) return { action: 'config', file };
  if (verb === 'edit' && file && position === 'top') {
    return { action: 'edit', file, position };
  }
  if (verb === 'edit' && file && position === 'after' && anchors.length) {
    return { action: 'edit', file, position, anchors };
  }
  throw new Error(`${where}: cannot read the install step '${text}'`);
}

function stepsFor(readmeFiles, template) {
  return readmeFiles
    .flatMap(readSteps)
    .filter(s => s.templates.includes('all') || s.templates.includes(template));
}

function insertAfterAnchors(source, anchors, body, where) {
  const lines = source.split('\n');
  let at = -1;
  for (const anchor of anchors) {
    const next = lines.findIndex((line, n) => n > at && line.includes(anchor));
    if (next < 0) {
      throw new Error(
        `${where}: the anchor "${anchor}" is not in the file (after line ${
          at + 1
        })`,
      );
    }
    at = next;
  }
  lines.splice(at + 1, 0, body);
  return lines.join('\n');
}

function deepMerge(base, extra) {
  if (!isObject(base) || !isObject(extra)) return extra;
  const out = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    out[key] = key in base ? deepMerge(base[key], value) : value;
  }
  return out;
}
const isObject = v => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Applies one step in the app at `appDir`. `runCommand(command)` runs a
 * shell step (the caller decides how package names reach the packed tarballs).
 */
function applyStep(step, appDir, runCommand) {
  if (step.action === 'run') {
    for (const command of step.body
      .split('\n')
      .filter(l => l.trim() && !l.trim().startsWith('#'))) {
      runCommand(command.trim(), step.where);
    }
    return;
  }
  const file = path.join(appDir, step.file);
  if (!fs.existsSync(file))
    throw new Error(`${step.where}: ${step.file} is not in the app`);
  const source = fs.readFileSync(file, 'utf8');
  if (step.action === 'config') {
    const merged = deepMerge(YAML.parse(source) ?? {}, YAML.parse(step.body));
    fs.writeFileSync(file, YAML.stringify(merged));
  } else if (step.position === 'top') {
    fs.writeFileSync(file, `${step.body}\n${source}`);
  } else {
    fs.writeFileSync(
      file,
      insertAfterAnchors(
        source,
        step.anchors,
        step.body,
        `${step.where} (${step.file})`,
      ),
    );
  }
}

module.exports = { readSteps, stepsFor, applyStep, deepMerge };
