import { useEffect, useRef, useState } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { useQuery } from "urql";
import { useLocation, useSearch } from "wouter";
import { Field } from "../components/Field";
import type { MovementGroup } from "../gql/graphql";
import { MovementsQuery } from "../operations";

const DAY = 86_400_000;
const GROUPS: { value: MovementGroup; label: string }[] = [
  { value: "ITEM", label: "Item" },
  { value: "CATEGORY", label: "Category" },
  { value: "DAY", label: "Day" },
];

const isoDate = (t: number) => new Date(t).toISOString().slice(0, 10);

/** The period as dates (both included, UTC) in the URL; the API's `to` is exclusive. */
function readPeriod(search: string) {
  const p = new URLSearchParams(search);
  const today = Date.parse(isoDate(Date.now()));
  const from = p.get("from") ?? isoDate(today - 29 * DAY);
  const to = p.get("to") ?? isoDate(today);
  const group = (GROUPS.find((g) => g.value === p.get("by"))?.value ?? "ITEM") as MovementGroup;
  return { from, to, group };
}

export default function MovementsScreen() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const period = readPeriod(search);
  const range = {
    from: new Date(`${period.from}T00:00:00Z`).toISOString(),
    to: new Date(Date.parse(`${period.to}T00:00:00Z`) + DAY).toISOString(),
  };
  const valid = Number.isFinite(Date.parse(range.from)) && Number.isFinite(Date.parse(range.to)) && range.from < range.to;
  const [{ data, error }] = useQuery({
    query: MovementsQuery,
    variables: { ...range, groupBy: period.group, pagination: { limit: 100 } },
    pause: !valid,
  });
  const [{ data: days }] = useQuery({
    query: MovementsQuery,
    variables: { ...range, groupBy: "DAY", pagination: { limit: 100 } },
    pause: !valid,
  });
  const set = (next: Partial<typeof period>) => {
    const merged = { ...period, ...next };
    navigate(`/movements?from=${merged.from}&to=${merged.to}&by=${merged.group}`);
  };
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);

  return (
    <section>
      <h1>Movements</h1>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          set({ from, to });
        }}
      >
        <Field label="From" type="date" value={from} onChange={(e) => setFrom(e.target.value)} required />
        <Field label="To (included)" type="date" value={to} onChange={(e) => setTo(e.target.value)} required />
        <div className="field">
          <label htmlFor="group">Totals per</label>
          <select id="group" value={period.group} onChange={(e) => set({ group: e.target.value as MovementGroup })}>
            {GROUPS.map((g) => (
              <option key={g.value} value={g.value}>
                {g.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Show</button>
      </form>
      {!valid && <p className="error">Choose a start date before the end date.</p>}
      {error && (
        <p role="alert" className="error">
          {error.message}
        </p>
      )}
      <Chart points={days?.stockMovements.results ?? []} from={period.from} to={period.to} />
      <div className="table-wrap">
        <table className="totals">
          <caption>
            Totals per {GROUPS.find((g) => g.value === period.group)?.label.toLowerCase()}, {period.from} to {period.to}
          </caption>
          <thead>
            <tr>
              <th scope="col">{GROUPS.find((g) => g.value === period.group)?.label}</th>
              <th scope="col" className="num">
                In
              </th>
              <th scope="col" className="num">
                Out
              </th>
              <th scope="col" className="num">
                Net
              </th>
              <th scope="col" className="num">
                Changes
              </th>
            </tr>
          </thead>
          <tbody>
            {data?.stockMovements.results.map((m) => (
              <tr key={m.group}>
                <td>{m.itemName ?? m.group}</td>
                <td className="num">{m.inbound}</td>
                <td className="num">{m.outbound}</td>
                <td className="num">{m.net}</td>
                <td className="num">{m.changes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

type Point = { group: string; inbound: number; outbound: number; net: number };

/** Every day of the period, 0 where nothing moved (the API lists only days with changes). */
function everyDay(points: Point[], from: string, to: string): Point[] {
  const byDay = new Map(points.map((p) => [p.group, p]));
  const days: Point[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end && days.length <= 366; t += DAY) {
    const day = isoDate(t);
    days.push(byDay.get(day) ?? { group: day, inbound: 0, outbound: 0, net: 0 });
  }
  return days;
}

function Chart({ points: sparse, from, to }: { points: Point[]; from: string; to: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const points = everyDay(sparse, from, to);
    const xs = points.map((p) => Date.parse(`${p.group}T00:00:00Z`) / 1000);
    const plot = new uPlot(
      {
        width: Math.min(box.current.clientWidth || 640, 900),
        height: 240,
        series: [
          {},
          { label: "In", stroke: "#1b6e3a", width: 2 },
          { label: "Out", stroke: "#a4262c", width: 2 },
          { label: "Net", stroke: "#1f4e99", width: 2, dash: [6, 4] },
        ],
        axes: [{}, {}],
      },
      [xs, points.map((p) => Number(p.inbound)), points.map((p) => Number(p.outbound)), points.map((p) => Number(p.net))],
      box.current,
    );
    return () => plot.destroy();
  }, [sparse, from, to]);
  return (
    <figure className="chart">
      <div ref={box} role="img" aria-label={`Stock in and out per day, ${sparse.length} days with changes`} />
      <figcaption>Per day: in, out and net.</figcaption>
    </figure>
  );
}
