package fetch

import (
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progressMin is the smallest known download size that gets a bar.
const progressMin = 4 << 20

// newProgress returns a progress bar for a download of total bytes (-1 when
// unknown), or nil when no bar should be drawn: progress off, output not a
// terminal, or a small file.
func (c *Client) newProgress(total int64, rawURL string) *progressbar.ProgressBar {
	f, ok := c.progress.(*os.File)
	if !ok || f == nil || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	if total >= 0 && total < progressMin {
		return nil
	}
	desc := rawURL
	if len(desc) > 40 {
		desc = "…" + desc[len(desc)-39:]
	}
	return progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(f),
		progressbar.OptionSetDescription(desc),
		progressbar.OptionShowBytes(true),
		progressbar.OptionShowTotalBytes(true),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionSetWidth(20),
		progressbar.OptionThrottle(200*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
}
