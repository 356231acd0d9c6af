# Sourced by the comparison scripts: the PyTorch they compare against is Debian's python3-torch,
# run by Debian's own Python on OpenBLAS (libtorch's recommended BLAS; with the reference BLAS that
# a system may default to, torch.mm is about ten times slower). Installs both when missing.
PYTHON=/usr/bin/python3
OPENBLAS=/usr/lib/x86_64-linux-gnu/openblas-pthread

install_packages() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@"
}
"$PYTHON" -c 'import torch' 2>/dev/null || install_packages python3-torch libopenblas0-pthread
[ -e "$OPENBLAS/libblas.so.3" ] || install_packages libopenblas0-pthread

# torch_threads T COMMAND...: runs COMMAND with torch's BLAS on OpenBLAS and T threads for it and OpenMP.
torch_threads() {
  local threads=$1; shift
  env LD_LIBRARY_PATH="$OPENBLAS${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
    OPENBLAS_NUM_THREADS="$threads" OMP_NUM_THREADS="$threads" "$@"
}
