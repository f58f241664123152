# Latency against offered load for POST /telegram/webhook (data from latency_vs_load.sh).
# Usage: gnuplot -e "data='latency_vs_load.dat'; out='latency_vs_load.png'" latency_vs_load.gp
if (!exists("data")) data = 'latency_vs_load.dat'
if (!exists("out")) out = 'latency_vs_load.png'

set terminal pngcairo size 900,620 noenhanced font ",11"
set output out
set title "POST /telegram/webhook: latency vs offered load, rubdown and the bare ceiling\n(open loop, 64 connections, loopback, Release, shared 2-core VM; latency from each request's due instant)"
set xlabel "offered load (requests/s, fixed rate)"
set ylabel "latency (ms, log scale)"
set logscale y
set grid xtics ytics mytics
set key below maxrows 3
set pointsize 1.2
plot data using 1:3 with linespoints pt 7 lc rgb "#1f77b4" title "rubdown p50", \
     data using 1:5 with linespoints pt 9 lc rgb "#d62728" title "rubdown p99", \
     data using 1:($2 < 0.95 * $1 ? $5 : 1/0) with points pt 6 ps 2.5 lc rgb "black" \
         title "rubdown achieved < 95% of offered (saturated)", \
     data using 1:9 with linespoints dt 2 pt 6 lc rgb "#1f77b4" title "ceiling p50 (bare Beast, same moment)", \
     data using 1:11 with linespoints dt 2 pt 8 lc rgb "#d62728" title "ceiling p99"
