import { describe, expect, it } from 'vitest';
import { decodeOtelbinFragment, encodeOtelbinFragment, otelbinDistroFor } from './otelbinFragment';

/**
 * A real OTelBin link, as published in ClickHouse's documentation of the ClickHouse exporter
 * (the "clickhouse-config.yaml" link), fragment only.
 */
const CLICKHOUSE_DOCS_FRAGMENT =
  'config=receivers%3A*N_filelog%3A*N___include%3A*N_____-_%2Fopt%2Fdata%2Flogs%2Faccess-structured.log*N___start*_at%3A_beginning*N___operators%3A*N_____-_type%3A_json*_parser*N_______timestamp%3A*N_________parse*_from%3A_attributes.time*_local*N_________layout%3A_*%22*.Y-*.m-*.d_*.H%3A*.M%3A*.S*%22*N_otlp%3A*N____protocols%3A*N______grpc%3A*N________endpoint%3A_0.0.0.0%3A4317*N*Nprocessors%3A*N_batch%3A*N___timeout%3A_5s*N___send*_batch*_size%3A_5000*N*Nexporters%3A*N_clickhouse%3A*N___endpoint%3A_tcp%3A%2F%2Flocalhost%3A9000*Qdial*_timeout*E10s*Acompress*Elz4*Aasync*_insert*E1*N___*H_ttl%3A_72h*N___traces*_table*_name%3A_otel*_traces*N___logs*_table*_name%3A_otel*_logs*N___create*_schema%3A_true*N___timeout%3A_5s*N___database%3A_default*N___sending*_queue%3A*N_____queue*_size%3A_1000*N___retry*_on*_failure%3A*N_____enabled%3A_true*N_____initial*_interval%3A_5s*N_____max*_interval%3A_30s*N_____max*_elapsed*_time%3A_300s*N*Nservice%3A*N_pipelines%3A*N___logs%3A*N_____receivers%3A_%5Bfilelog%5D*N_____processors%3A_%5Bbatch%5D*N_____exporters%3A_%5Bclickhouse%5D*N___traces%3A*N____receivers%3A_%5Botlp%5D*N____processors%3A_%5Bbatch%5D*N____exporters%3A_%5Bclickhouse%5D%7E&distro=otelcol-contrib%7E&distroVersion=v0.103.1%7E';

describe('decodeOtelbinFragment', () => {
  it('reads a real OTelBin link from published documentation', () => {
    const r = decodeOtelbinFragment(`https://www.otelbin.io/#${CLICKHOUSE_DOCS_FRAGMENT}`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.startsWith('receivers:\n filelog:\n   include:\n     - /opt/data/logs/access-structured.log\n')).toBe(true);
    expect(r.config).toContain("layout: '%Y-%m-%d %H:%M:%S'");
    expect(r.config).toContain('endpoint: tcp://localhost:9000?dial_timeout=10s&compress=lz4&async_insert=1');
    expect(r.config).toContain('\n   # ttl: 72h\n');
    expect(r.config.endsWith('exporters: [clickhouse]')).toBe(true);
    expect(r).toMatchObject({ distribution: 'contrib', otelbinDistro: 'otelcol-contrib', otelbinVersion: 'v0.103.1', env: {} });
    expect(r.notes.join(' ')).toContain('v0.103.1');
  });
  it('round-trips what encodeOtelbinFragment writes', () => {
    const config = "receivers:\n  otlp:\n    protocols:\n      grpc: {}\n# it's 100% ~fine~ (really) & more = yes\n";
    const fragment = encodeOtelbinFragment({ config, distro: 'otelcol-core', distroVersion: 'v0.133.0' });
    expect(decodeOtelbinFragment(`#${fragment}`)).toMatchObject({ ok: true, config, distribution: 'core', otelbinVersion: 'v0.133.0' });
  });
  it('accepts a fragment that was not form-encoded', () => {
    expect(decodeOtelbinFragment('#config=receivers:*N__otlp:~')).toMatchObject({ ok: true, config: 'receivers:\n  otlp:', distribution: null, notes: [] });
  });
  it('reads OTelBin env values', () => {
    expect(decodeOtelbinFragment('config=a~&env=(HOST~localhost~PORT~*4317)~')).toMatchObject({ ok: true, env: { HOST: 'localhost', PORT: '4317' } });
  });
  it('notes a distribution it does not model', () => {
    const r = decodeOtelbinFragment('config=a~&distro=adot~');
    expect(r).toMatchObject({ ok: true, distribution: null, otelbinDistro: 'adot' });
    expect(r.ok && r.notes[0]).toContain('"adot"');
  });
  it('refuses a link without #config=', () => {
    expect(decodeOtelbinFragment('https://www.otelbin.io/#distro=otelcol-contrib~')).toEqual({ ok: false, message: 'This is not an OTelBin link: it has no "#config=" part.' });
  });
  it('refuses a damaged config with a clear message', () => {
    expect(decodeOtelbinFragment('config=receivers*Y~')).toMatchObject({ ok: false, message: expect.stringContaining('config is damaged') });
  });
  it('refuses a config that is not text, and a distro that is not text', () => {
    expect(decodeOtelbinFragment('config=(a~1)~')).toEqual({ ok: false, message: "The OTelBin link's config is not text." });
    expect(decodeOtelbinFragment('config=a~&distro=!1~')).toEqual({ ok: false, message: "The OTelBin link's distro is not text." });
    expect(decodeOtelbinFragment('config=a~&env=!1~')).toMatchObject({ ok: false, message: expect.stringContaining('env is not') });
  });
  it('refuses an oversized link', () => {
    expect(decodeOtelbinFragment(`config=${'a'.repeat(1_000_001)}`)).toMatchObject({ ok: false, message: expect.stringContaining('too long') });
  });
  it('keeps markup in the config as plain text', () => {
    const config = '<script>alert(1)</script>';
    expect(decodeOtelbinFragment(encodeOtelbinFragment({ config }))).toMatchObject({ ok: true, config });
  });
  it('survives bad percent escapes', () => {
    expect(decodeOtelbinFragment('config=a%ZZb~')).toMatchObject({ ok: true, config: 'a%ZZb' });
  });
});

describe('otelbinDistroFor', () => {
  it('maps our distributions to OTelBin ids where OTelBin has them', () => {
    expect([otelbinDistroFor('contrib'), otelbinDistroFor('core'), otelbinDistroFor('k8s')]).toEqual(['otelcol-contrib', 'otelcol-core', null]);
  });
});
