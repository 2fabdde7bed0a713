import type { RoundingRule } from '../../../shared/domain/briefing';

/** The rounding choices offered per column, in Dutch, and the rule each stands for. */
export const RULE_CHOICES: { key: string; label: string; rule: RoundingRule }[] = [
  { key: 'auto', label: 'Per eenheid (gemengd)', rule: { kind: 'auto' } },
  { key: 'count-1', label: 'Aantal, heel', rule: { kind: 'count', step: 1 } },
  { key: 'count-10', label: 'Aantal, op tientallen (ca.)', rule: { kind: 'count', step: 10 } },
  { key: 'count-100', label: 'Aantal, op honderdtallen (ca.)', rule: { kind: 'count', step: 100 } },
  { key: 'count-1000', label: 'Aantal, op duizendtallen (ca.)', rule: { kind: 'count', step: 1000 } },
  { key: 'mln-1', label: '€ mln, 1 decimaal', rule: { kind: 'money_mln', decimals: 1 } },
  { key: 'mln-0', label: '€ mln, geen decimalen', rule: { kind: 'money_mln', decimals: 0 } },
  { key: 'mln-2', label: '€ mln, 2 decimalen', rule: { kind: 'money_mln', decimals: 2 } },
  { key: 'euro-0', label: '€, hele euro’s', rule: { kind: 'euro', decimals: 0 } },
  { key: 'pct-0', label: 'Percentage, geen decimalen', rule: { kind: 'percent', decimals: 0 } },
  { key: 'pct-1', label: 'Percentage, 1 decimaal', rule: { kind: 'percent', decimals: 1 } },
  { key: 'num-0', label: 'Getal, geen decimalen', rule: { kind: 'number', decimals: 0 } },
  { key: 'num-1', label: 'Getal, 1 decimaal', rule: { kind: 'number', decimals: 1 } },
  { key: 'num-2', label: 'Getal, 2 decimalen', rule: { kind: 'number', decimals: 2 } },
];

export function ruleKey(rule: RoundingRule): string {
  return RULE_CHOICES.find((c) => JSON.stringify(c.rule) === JSON.stringify(rule))?.key ?? 'auto';
}

export function ruleOf(key: string): RoundingRule {
  return RULE_CHOICES.find((c) => c.key === key)?.rule ?? { kind: 'auto' };
}
