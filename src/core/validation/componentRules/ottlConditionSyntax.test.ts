import { describe, expect, it } from 'vitest';
import { ottlConditionSyntaxError } from './ottlConditionSyntax';

describe('OTTL condition syntax (filter processor, config-semantics §6.4)', () => {
  it('g13: accepts the conditions real configs use', () => {
    for (const c of [
      'attributes["http.route"] == "/health"',
      'severity_number < SEVERITY_NUMBER_INFO',
      'IsMatch(resource.attributes["k8s.pod.name"], "^loadgen-.*") and not (name == "x" or kind == SPAN_KIND_INTERNAL)',
      'Len(attributes) > 3 * 2',
      'attributes["list"] == ["a", "b"] or body == nil',
      'ParseJSON(body)["level"] == "debug"',
    ]) {
      expect(ottlConditionSyntaxError(c), c).toBeNull();
    }
  });

  it('g12: reports where a condition stops parsing', () => {
    expect(ottlConditionSyntaxError('attributes["http.route"] ==')).toBe('1:28: unexpected token "<EOF>"');
    expect(ottlConditionSyntaxError('name == "a" and')).toBe('1:16: unexpected token "<EOF>"');
    expect(ottlConditionSyntaxError('(name == "a"')).toMatch(/^1:13: unexpected token/);
  });

  it('rejects a lower-case function in a condition', () => {
    expect(ottlConditionSyntaxError('invalid_function(name)')).toBe("converter names must start with an uppercase letter but got 'invalid_function'");
  });
});
