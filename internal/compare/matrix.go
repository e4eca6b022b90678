package compare

import "sort"

// Matrix is the claim × source view: one row per finding, one column per
// attribution chain, and in each cell what that chain says about that claim.
type Matrix struct {
	Columns []MatrixColumn `json:"columns"`
	Rows    []MatrixRow    `json:"rows"`
	// OmittedFindings and OmittedChains count what did not fit: the matrix
	// keeps the first MatrixRows findings (disputes first) and the
	// MatrixColumns chains that speak to most of them, so a story of
	// hundreds of articles stays a page, not a grid of millions of cells.
	// Every finding is still in the story's findings.
	OmittedFindings int `json:"omitted_findings,omitempty"`
	OmittedChains   int `json:"omitted_chains,omitempty"`
}

// Matrix size caps.
const (
	MatrixRows    = 60
	MatrixColumns = 40
)

// MatrixColumn is one attribution chain.
type MatrixColumn struct {
	Chain string `json:"chain"`
	Label string `json:"label"`
	Kind  string `json:"kind"`
}

// MatrixRow is one finding.
type MatrixRow struct {
	Finding string       `json:"finding"`
	Status  string       `json:"status"`
	Summary string       `json:"summary"`
	Cells   []MatrixCell `json:"cells"`
}

// Cell values.
const (
	CellAsserts  = "asserts"
	CellDenies   = "denies"
	CellNegates  = "negates"
	CellDeclines = "declines"
	CellSilent   = "silent"
)

// MatrixCell is what one chain says about one finding, with the evidence
// sentences (empty when silent).
type MatrixCell struct {
	Value    string     `json:"value"`
	Position string     `json:"position,omitempty"`
	Evidence []Evidence `json:"evidence,omitempty"`
}

// BuildMatrix derives the claim × source matrix from a reconciled story.
// Columns are ordered by how many findings they speak to, then by ID.
func BuildMatrix(s *Story) Matrix {
	m := Matrix{Columns: []MatrixColumn{}, Rows: []MatrixRow{}}
	type cell struct {
		value, position string
		ev              []Evidence
	}
	colIdx := map[string]int{}
	count := map[string]int{}
	labels := map[string]MatrixColumn{}
	cells := map[string]map[string]*cell{} // finding → chain → cell
	rank := map[string]int{CellSilent: 0, CellDeclines: 1, CellAsserts: 2, CellNegates: 3, CellDenies: 4}
	put := func(fid, chain, value, position string, ev Evidence, label, kind string) {
		if _, ok := labels[chain]; !ok {
			labels[chain] = MatrixColumn{Chain: chain, Label: label, Kind: kind}
		}
		if cells[fid] == nil {
			cells[fid] = map[string]*cell{}
		}
		c := cells[fid][chain]
		if c == nil {
			c = &cell{value: value, position: position}
			cells[fid][chain] = c
			count[chain]++
		}
		if rank[value] > rank[c.value] {
			c.value, c.position = value, position
		}
		c.ev = append(c.ev, ev)
	}
	for _, f := range s.Findings {
		for _, sd := range f.Sides {
			for _, ev := range sd.Evidence {
				v := CellAsserts
				if sd.Polarity == "negative" {
					v = CellNegates
					if ev.Stance == "deny" {
						v = CellDenies
					}
				}
				pos := ""
				if f.Disagreement != "" && f.Disagreement != "polarity" {
					pos = sd.Position
				}
				put(f.ID, ev.Chain, v, pos, ev, chainLabel(ev), kindOf(ev.Chain))
			}
		}
	}
	for _, na := range s.NonAnswers {
		if na.About == "" {
			continue
		}
		put(na.About, na.Evidence.Chain, CellDeclines, "", na.Evidence, chainLabel(na.Evidence), kindOf(na.Evidence.Chain))
	}
	findings := s.Findings
	if len(findings) > MatrixRows {
		m.OmittedFindings = len(findings) - MatrixRows
		findings = findings[:MatrixRows]
	}
	// Columns: the chains that speak to the kept rows, most first.
	shown := map[string]int{}
	for _, f := range findings {
		for chain := range cells[f.ID] {
			shown[chain]++
		}
	}
	chains := make([]string, 0, len(shown))
	for c := range shown {
		chains = append(chains, c)
	}
	sort.Slice(chains, func(i, j int) bool {
		if shown[chains[i]] != shown[chains[j]] {
			return shown[chains[i]] > shown[chains[j]]
		}
		if count[chains[i]] != count[chains[j]] {
			return count[chains[i]] > count[chains[j]]
		}
		return chains[i] < chains[j]
	})
	m.OmittedChains = len(labels) - min(len(chains), MatrixColumns)
	if len(chains) > MatrixColumns {
		chains = chains[:MatrixColumns]
	}
	for i, c := range chains {
		colIdx[c] = i
		m.Columns = append(m.Columns, labels[c])
	}
	for _, f := range findings {
		row := MatrixRow{Finding: f.ID, Status: f.Status, Summary: f.Summary, Cells: make([]MatrixCell, len(chains))}
		for i := range row.Cells {
			row.Cells[i] = MatrixCell{Value: CellSilent}
		}
		for chain, c := range cells[f.ID] {
			if i, ok := colIdx[chain]; ok {
				row.Cells[i] = MatrixCell{Value: c.value, Position: c.position, Evidence: c.ev}
			}
		}
		m.Rows = append(m.Rows, row)
	}
	return m
}

func kindOf(chain string) string {
	for i := 0; i < len(chain); i++ {
		if chain[i] == ':' {
			return chain[:i]
		}
	}
	return chain
}
