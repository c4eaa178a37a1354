// The published inspection results on the page: the note under the draw's verdict and
// one enterprise's results beside its lookup answer. Display only (outcomes.js
// arranges the core's answers); `ctx` is `{text, el, tech, names}` from app.js.

/** The note on the results (`report.outcomes`): verified, none, missing or not matching. */
export function outcomesNote(report, { text, el, tech }) {
  if (!report || report.state === 'skipped') return [];
  const p = el('p', { className: `outcomes-note ${report.state}`, textContent: text.note(report) });
  p.dataset.state = report.state;
  if (report.state === 'mismatch') return [p, tech(`${report.error.code}${report.error.details?.field ? ` · ${report.error.details.field}` : ''} — ${report.error.message ?? ''}`)];
  if (report.state === 'verified') return [p, tech(text.techNote(report))];
  return [p];
}

/**
 * One enterprise's published results (`outcomesFor`), or nothing for an enterprise not
 * visited in this draw (its lookup answer says why). Per department: the day of the
 * check, the day published, the deadline and its status; per item the result's Chinese
 * term (the 公示's) and the follow-ups; codes behind the technical-details fold.
 */
export function outcomesBlock(o, selected, { text, el, tech, names }) {
  if (!o || o.state === 'skipped' || o.state === 'not_visited' || (!selected && o.state !== 'verified')) return [];
  const box = el('div', { className: 'outcomes' }, el('h3', { textContent: text.title }));
  box.dataset.state = o.state;
  if (o.state !== 'verified') {
    box.append(el('p', { className: 'why', textContent: text.enterprise(o) }));
    return [box];
  }
  const dept = (code) => names?.departments?.[code] ?? code;
  const item = (id) => names?.items?.[id] ?? id;
  const head = el('p', { className: `status ${o.status}`, textContent: text.asOf(o) });
  head.dataset.status = o.status;
  const list = el('ul', { className: 'results' });
  for (const res of o.results) {
    const li = el('li', { className: res.status });
    li.dataset.department = res.department;
    li.dataset.status = res.status;
    li.append(el('strong', { textContent: text.department(res, dept(res.department)) }));
    if (res.findings.length) {
      const findings = el('ul');
      for (const f of res.findings) {
        const fi = el('li', { textContent: text.finding(f, item(f.item_id)) });
        fi.dataset.item = f.item_id;
        fi.dataset.category = f.category;
        if (f.follow_ups.length) fi.append(el('br'), el('span', { className: 'follow-up', textContent: `${text.followUps}${f.follow_ups.map((u) => text.followUp(u, dept)).join('；')}` }));
        findings.append(fi);
      }
      li.append(findings);
    }
    li.append(tech(text.techResult(res)));
    list.append(li);
  }
  box.append(head, list);
  return [box];
}
