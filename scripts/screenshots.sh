#!/usr/bin/env bash
# Documentation only (not part of CI): exports the example ledger (quyang-2024, Hebei) and the
# published tunliu-2024 workbook (Shanxi), converts the .xlsx and .docx to PDF with LibreOffice and
# renders a few pages to PNG under docs/screenshots/, for the README.
#
# Needs LibreOffice, poppler and a Chinese serif font:
#   apt-get install -y libreoffice-writer libreoffice-calc poppler-utils fonts-noto-cjk
# The files name 宋体/SimSun, which a Linux machine does not have; for the pictures, a private
# fontconfig file maps them to Noto Serif CJK SC (a Song-style face), as Windows would draw 宋体.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in soffice pdftoppm pdftotext; do
  command -v "$tool" >/dev/null || {
    echo "screenshots: $tool not found; apt-get install -y libreoffice-writer libreoffice-calc poppler-utils fonts-noto-cjk" >&2
    exit 2
  }
done

DEST=docs/screenshots
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$DEST"

cat >"$WORK/fonts.conf" <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>宋体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>SimSun</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
</fontconfig>
EOF
export FONTCONFIG_FILE="$WORK/fonts.conf"

npm run --silent build:cli

# name, input workbook, extra export flags (the published quyang has two errors in its goal forms)
EXPORTS=(
  "quyang examples/quyang-2024-ledger.xlsx"
  "tunliu examples/tunliu-2024.xlsx"
  "quyang-published examples/quyang-2024.xlsx --allow-errors"
)

# The first page from `from` on that contains `text`, or nothing.
page_with() {
  local pdf=$1 text=$2 from=${3:-1} pages
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  for ((p = from; p <= pages; p++)); do
    if pdftotext -f "$p" -l "$p" "$pdf" - | grep -q "$text"; then
      echo "$p"
      return
    fi
  done
}

# pdftoppm names pages -1, -01 or -001 by the page count; one page, one known name.
render_page() {
  local pdf=$1 page=$2 png=$3
  [ -n "$page" ] || return 0
  pdftoppm -png -r 60 -f "$page" -l "$page" -singlefile "$pdf" "${png%.png}"
}

for entry in "${EXPORTS[@]}"; do
  read -r name input flags <<<"$entry"
  out="$WORK/$name"
  # shellcheck disable=SC2086 # flags is a list of words
  node bin/budget-disclosure.js export "$input" --out "$out" --force $flags
  for kind in xlsx docx; do
    mkdir -p "$out/pdf-$kind"
    soffice --headless --convert-to pdf --outdir "$out/pdf-$kind" "$out"/*."$kind" >/dev/null
  done
  xlsx_pdf=$(ls "$out"/pdf-xlsx/*.pdf)
  docx_pdf=$(ls "$out"/pdf-docx/*.pdf)
  if [ "$name" = quyang-published ]; then
    # Only what the ledger example lacks: a page of 项目绩效目标表, drawn from the published forms.
    render_page "$docx_pdf" "$(page_with "$docx_pdf" "1、考核专项公用项目经费绩效目标表" 3)" \
      "$DEST/quyang-docx-goals.png"
    continue
  fi
  # The workbook: its first two sheets as printed (A4, fitted to the width, header repeated).
  render_page "$xlsx_pdf" 1 "$DEST/$name-xlsx-1.png"
  render_page "$xlsx_pdf" 2 "$DEST/$name-xlsx-2.png"
  # The document: the cover, the 目录, the first table, the chart and (Hebei) the 政府采购 table;
  # past page 2, so that the 目录's entries are not taken for the pages themselves.
  render_page "$docx_pdf" 1 "$DEST/$name-docx-1.png"
  render_page "$docx_pdf" 2 "$DEST/$name-docx-contents.png"
  render_page "$docx_pdf" "$(page_with "$docx_pdf" "第二部分" 3)" "$DEST/$name-docx-table.png"
  render_page "$docx_pdf" "$(page_with "$docx_pdf" "一般公共预算支出结构" 3)" "$DEST/$name-docx-chart.png"
  render_page "$docx_pdf" "$(page_with "$docx_pdf" "部门政府采购预算" 3)" "$DEST/$name-docx-procurement.png"
done

ls -l "$DEST"
