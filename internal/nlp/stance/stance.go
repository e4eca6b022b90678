// Package stance decides how an article stands toward a claim.
package stance

// Labels.
const (
	Agree     = "agree"
	Disagree  = "disagree"
	Discuss   = "discuss"
	Unrelated = "unrelated"
)

// Evidence is a byte span of the text that supports the decision.
type Evidence struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Result is one stance decision.
type Result struct {
	Stance   string     `json:"stance"`
	Score    float64    `json:"score"`
	Evidence []Evidence `json:"evidence"`
}

// Model classifies stance. Safe for concurrent use.
type Model struct{}

// Load returns the model embedded in the binary.
func Load() (*Model, error) { return &Model{}, nil }

// Predict returns the stance of text toward claim (placeholder: unrelated).
func (m *Model) Predict(claim, text string) Result { return Result{Stance: Unrelated} }
