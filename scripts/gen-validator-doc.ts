// Writes docs/validator-rules.md from the validator's rule catalog.
// Usage: node --import tsx scripts/gen-validator-doc.ts [--check]
//   --check: write nothing, exit 1 if the committed page is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { VALIDATOR_DOC_PATH, renderValidatorDoc } from '../src/report/rules/catalog-doc.ts';

const text = renderValidatorDoc();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(VALIDATOR_DOC_PATH, 'utf8');
  } catch {
    // missing counts as out of date
  }
  if (current !== text) {
    console.error(`${VALIDATOR_DOC_PATH} 与代码不一致，请运行 node --import tsx scripts/gen-validator-doc.ts`);
    process.exit(1);
  }
} else {
  writeFileSync(VALIDATOR_DOC_PATH, text);
  console.log(`已写入 ${VALIDATOR_DOC_PATH}`);
}
