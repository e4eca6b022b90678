package report

import (
	"bufio"
	_ "embed"
	"html/template"
	"io"
	"strings"

	"github.com/crosscheck/crosscheck/internal/compare"
)

//go:embed templates/report.html
var reportHTML string

var htmlTmpl = template.Must(template.New("report").Funcs(template.FuncMap{
	"clip":   clipText,
	"status": func(s string) string { return statusTitle[s] },
	"kind":   func(s string) string { return kindTitle[s] },
	"source": sourceLine,
	"cite":   cite,
	"join":   strings.Join,
	"plural": plural,
	"lower":  strings.ToLower,
	"outlet": outletName,
}).Parse(reportHTML))

// writeHTML renders one self-contained HTML file (inline CSS, no script, no
// external resources); every string from articles is escaped by html/template.
func writeHTML(w io.Writer, stories []*compare.Story) error {
	b := bufio.NewWriter(w)
	if err := htmlTmpl.Execute(b, stories); err != nil {
		return err
	}
	return b.Flush()
}
