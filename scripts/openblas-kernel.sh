# Sourced by ./lrsearch and the benchmark scripts. ND4J's OpenBLAS (0.3.19) does not know CPUs newer than
# its tables and falls back to its slowest kernel (Prescott) on them; on a CPU with AVX-512 its SkylakeX
# kernel is exact and several times faster, while its Cooperlake kernel gives wrong products there
# (docs/CNN.md, "OpenBLAS's kernel"). A user's own OPENBLAS_CORETYPE wins.
if [ -z "${OPENBLAS_CORETYPE:-}" ] && [ -r /proc/cpuinfo ]; then
  _flags="$(grep -m1 '^flags' /proc/cpuinfo)"
  _skx=1
  for _f in avx512f avx512bw avx512vl avx512dq avx512cd; do
    case " $_flags " in *" $_f "*) ;; *) _skx=0 ;; esac
  done
  [ "$_skx" = 1 ] && export OPENBLAS_CORETYPE=SkylakeX
  unset _flags _skx _f
fi
