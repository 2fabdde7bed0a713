import Plotly from 'plotly.js-dist-min';
import { drawing, purgeWhenDrawn } from '../../ui/plotly-lifecycle';
import { useEffect, useMemo, useRef } from 'react';
import type { MapFeature } from '../../../shared/contract/maps';
import { MISSING_COLOUR } from '../../../shared/domain/maps/class-breaks';
import type { MapFigure, MapModel } from '../../../shared/domain/maps/map-model';
import { periodLabel } from '../../../shared/domain/period';
import { GEO_RESOLUTION, GEO_SCOPE, registerOfflineBaseMap } from './plotly-offline';

/**
 * A choropleth on the store's own outlines (Plotly `choropleth` with a custom GeoJSON, no tiles):
 * one trace for the areas with a figure, coloured by class on a stepped scale, one grey trace for
 * the areas without (listed beside the map by the screen).
 */
export function ChoroplethMap({ features, model, label, height = 540 }: { features: MapFeature[]; model: MapModel | null; label: string; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const geojson = useMemo(
    () => ({ type: 'FeatureCollection', features: features.map((f) => ({ type: 'Feature', id: f.code, properties: { name: f.name }, geometry: f.geometry })) }),
    [features],
  );
  const data = useMemo(() => {
    const names = new Map(features.map((f) => [f.code, f.name]));
    const line = { color: '#ffffff', width: features.length > 500 ? 0.3 : 0.8 };
    if (!model) {
      return [{ type: 'choropleth', geojson, featureidkey: 'id', locations: features.map((f) => f.code), z: features.map(() => 0), colorscale: [[0, '#dfe6ec'], [1, '#dfe6ec']], showscale: false, marker: { line: { ...line, color: '#7d8b97' } }, text: features.map((f) => `${f.name} (${f.code})`), hovertemplate: '%{text}<extra></extra>' }];
    }
    const n = Math.max(1, model.colours.length);
    // Figures aggregated from members carry Σ on the map, as in the grid.
    const summed = new Set(model.classed.filter((c) => c.figure.aggregated).map((c) => c.code));
    // A stepped colour scale: class j occupies [j/n, (j+1)/n] of the scale, so z = j gets colour j exactly.
    const colorscale = model.colours.flatMap((c, j) => [[j / n, c], [(j + 1) / n, c]]);
    // Names on the map while they can be read (a city's districts, the focus areas); hover beyond that.
    const labels =
      features.length <= 60
        ? [{ type: 'scattergeo', mode: 'text', lon: features.map((f) => (f.bbox[0] + f.bbox[2]) / 2), lat: features.map((f) => (f.bbox[1] + f.bbox[3]) / 2), text: features.map((f) => `${summed.has(f.code) ? 'Σ ' : ''}${shortName(f.name)}`), textfont: { size: 11, color: '#1f2933' }, hoverinfo: 'skip', showlegend: false }]
        : [];
    return [
      {
        type: 'choropleth',
        name: 'Met cijfer',
        geojson,
        featureidkey: 'id',
        locations: model.classed.map((c) => c.code),
        z: model.classed.map((c) => c.klass),
        zmin: -0.5,
        zmax: n - 0.5,
        colorscale: colorscale.length ? colorscale : [[0, '#dfe6ec'], [1, '#dfe6ec']],
        showscale: false,
        marker: { line },
        text: model.classed.map((c) => `<b>${names.get(c.code) ?? c.name}</b> (${c.code})<br>${c.figure.aggregated ? 'Σ ' : ''}${c.text}${c.figure.period ? ` · ${periodLabel(c.figure.period)}` : ''}<br>${hoverSource(c.figure)}`),
        hovertemplate: '%{text}<extra></extra>',
      },
      {
        type: 'choropleth',
        name: 'Geen cijfer',
        geojson,
        featureidkey: 'id',
        locations: model.missing.map((m) => m.code),
        z: model.missing.map(() => 0),
        colorscale: [[0, MISSING_COLOUR], [1, MISSING_COLOUR]],
        showscale: false,
        marker: { line: { color: '#8a9099', width: line.width } },
        text: model.missing.map((m) => `<b>${m.name}</b> (${m.code})<br>geen kleur: ${m.why}`),
        hovertemplate: '%{text}<extra></extra>',
      },
      ...labels,
    ];
  }, [features, geojson, model]);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.setAttribute('data-render-start', String(performance.now()));
    registerOfflineBaseMap();
    // newPlot, not react: react on a geo subplot whose traces change shrank the map to a strip.
    void drawing(el, Plotly.newPlot(
      el,
      data,
      {
        separators: ',.',
        height,
        margin: { l: 0, r: 0, t: 0, b: 0 },
        paper_bgcolor: 'rgba(0,0,0,0)',
        font: { family: 'Inter, "Segoe UI", Roboto, sans-serif', size: 13, color: '#1f2933' },
        showlegend: false,
        geo: {
          scope: GEO_SCOPE,
          resolution: GEO_RESOLUTION,
          visible: false,
          fitbounds: 'locations',
          projection: { type: 'mercator' },
          bgcolor: 'rgba(0,0,0,0)',
        },
      },
      { displaylogo: false, responsive: true, locale: 'nl', modeBarButtonsToRemove: ['lasso2d', 'select2d'] },
    )).then(() => el.setAttribute('data-painted', String(performance.now())));
  }, [data, height]);
  useEffect(() => {
    const el = ref.current;
    return () => {
      if (el) void purgeWhenDrawn(el, Plotly.purge);
    };
  }, []);
  return <div ref={ref} className="plot map-plot" role="img" aria-label={label} style={{ height }} />;
}

/** The hover's source: the file and cell, or for an aggregate its members and whether they are confirmed. */
function hoverSource(f: MapFigure): string {
  if (f.aggregated) return `samengesteld uit ${f.members?.length ?? 0} ${(f.members?.length ?? 0) === 1 ? 'lid' : 'leden'}${f.proposal ? ', samenstelling te bevestigen' : ''}`;
  return f.source;
}

/** "Wijk 03 Overvecht" → "Overvecht": the CBS numbering adds nothing on a map. */
function shortName(name: string): string {
  return name.replace(/^(Wijk|Buurt)\s+\d+\s+/i, '');
}
