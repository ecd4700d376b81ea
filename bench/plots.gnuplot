# The plots of docs/BENCHMARKS.md, drawn by bench/run from its TSV files:
#   gnuplot -e "dir='WORK'; out='OUT'" bench/plots.gnuplot
# WORK holds indexing.tsv (engine, wall s), latency.tsv (engine, p50, p95,
# p99 ms), load.tsv (engine, connections, req/s, p50, p99 ms) and growth.tsv
# (bench/growth); OUT receives the PNGs. PostgreSQL is drawn beside the others.
set terminal pngcairo size 900,520 font "DejaVu Sans,11"
set datafile separator "\t"
set grid ytics
set key top left
set style fill solid 0.85 border -1

set output out."/indexing.png"
set title "Indexing vn-news-35k (35,440 articles, 123 MB): wall time, median of runs"
set ylabel "seconds"
set style data histograms
set boxwidth 0.7
set xtics rotate by -25 scale 0
plot dir."/indexing.tsv" using 2:xtic(1) title "wall s" linecolor rgb "#3a6ea5"

set output out."/query-latency.png"
set title "In-process query latency on the 400-query mix (log scale)"
set ylabel "ms"
set logscale y
set style histogram clustered gap 1
plot dir."/latency.tsv" using 2:xtic(1) title "p50" linecolor rgb "#3a6ea5", \
     "" using 4 title "p99" linecolor rgb "#c0504d"
unset logscale y

set output out."/load.png"
set title "Requests per second by concurrent connections, same mix"
set ylabel "requests/s"
set xlabel "connections"
set style data linespoints
set logscale x 2
set xrange [0.8:80]
set xtics norotate (1, 16, 64)
set key top left
plot for [engine in "tinhgon omega sphinx postgresql"] dir."/load.tsv" using (strcol(1) eq engine ? $2 : NaN):3 \
     with linespoints linewidth 2 pointtype 7 title engine
unset logscale x
unset xlabel

set output out."/growth.png"
set title "Growth: vn-news-35k at 1x, 2x, 4x"
set xlabel "copies of the corpus"
set ylabel "indexing s"
set y2label "query p50 ms"
set y2tics
set ytics nomirror
set xtics (1, 2, 4)
plot dir."/growth.tsv" using 1:3 with linespoints linewidth 2 pointtype 7 title "tinhgon-index wall s" axes x1y1, \
     "" using 1:6 with linespoints linewidth 2 pointtype 5 title "query p50 ms (facets on)" axes x1y2
