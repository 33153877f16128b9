//! The little linear algebra the lift model needs, on small dense matrices: least squares
//! with some coefficients kept non-negative (coordinate descent on the normal equations), and
//! the diagonal of the inverse of a symmetric positive definite matrix (Cholesky). Sizes are
//! tens to a few hundred columns, so plain loops are quick and no crate is needed.

/// A dense row-major matrix.
#[derive(Debug, Clone)]
pub struct Matrix {
    pub rows: usize,
    pub cols: usize,
    pub data: Vec<f64>,
}

impl Matrix {
    pub fn zeros(rows: usize, cols: usize) -> Matrix {
        Matrix {
            rows,
            cols,
            data: vec![0.0; rows * cols],
        }
    }

    pub fn at(&self, r: usize, c: usize) -> f64 {
        self.data[r * self.cols + c]
    }

    pub fn set(&mut self, r: usize, c: usize, v: f64) {
        self.data[r * self.cols + c] = v;
    }

    /// `XᵀX` and `Xᵀy`.
    #[expect(
        clippy::needless_range_loop,
        reason = "matrix indices read as the formula does"
    )]
    pub fn normal_equations(&self, y: &[f64]) -> (Matrix, Vec<f64>) {
        let p = self.cols;
        let mut g = Matrix::zeros(p, p);
        let mut h = vec![0.0; p];
        for r in 0..self.rows {
            let row = &self.data[r * p..(r + 1) * p];
            for i in 0..p {
                let xi = row[i];
                if xi == 0.0 {
                    continue;
                }
                h[i] += xi * y[r];
                for j in i..p {
                    g.data[i * p + j] += xi * row[j];
                }
            }
        }
        for i in 0..p {
            for j in 0..i {
                g.data[i * p + j] = g.data[j * p + i];
            }
        }
        (g, h)
    }

    /// `X β`.
    pub fn times(&self, beta: &[f64]) -> Vec<f64> {
        (0..self.rows)
            .map(|r| {
                self.data[r * self.cols..(r + 1) * self.cols]
                    .iter()
                    .zip(beta)
                    .map(|(x, b)| x * b)
                    .sum()
            })
            .collect()
    }
}

/// Minimises `‖y − Xβ‖²` given `G = XᵀX` and `h = Xᵀy`, with `β_j ≥ 0` wherever
/// `non_negative[j]`. Coordinate descent: each coefficient in turn is set to its best value
/// given the others (clipped at 0 where it must be), until nothing moves.
pub fn bounded_least_squares(g: &Matrix, h: &[f64], non_negative: &[bool]) -> Vec<f64> {
    let p = g.cols;
    let mut beta = vec![0.0; p];
    // g_beta = G β, kept up to date.
    let mut g_beta = vec![0.0; p];
    for _ in 0..10_000 {
        let mut moved = 0.0f64;
        for j in 0..p {
            let gjj = g.at(j, j);
            if gjj <= 0.0 {
                continue;
            }
            let mut next = beta[j] + (h[j] - g_beta[j]) / gjj;
            if non_negative[j] && next < 0.0 {
                next = 0.0;
            }
            let delta = next - beta[j];
            if delta != 0.0 {
                for (i, gb) in g_beta.iter_mut().enumerate() {
                    *gb += g.at(i, j) * delta;
                }
                beta[j] = next;
                moved = moved.max(delta.abs() * gjj.sqrt());
            }
        }
        if moved < 1e-9 {
            break;
        }
    }
    beta
}

/// The diagonal of `A⁻¹` for a symmetric positive definite `A` (a tiny ridge is added, so a
/// column that never varies cannot make it fail).
#[expect(
    clippy::needless_range_loop,
    reason = "matrix indices read as the formula does"
)]
pub fn inverse_diagonal(a: &Matrix) -> Vec<f64> {
    let n = a.rows;
    let mut l = Matrix::zeros(n, n);
    let scale = (0..n).map(|i| a.at(i, i)).fold(0.0f64, f64::max).max(1.0);
    for i in 0..n {
        for j in 0..=i {
            let mut sum = a.at(i, j);
            if i == j {
                sum += 1e-9 * scale;
            }
            for k in 0..j {
                sum -= l.at(i, k) * l.at(j, k);
            }
            if i == j {
                l.set(i, i, sum.max(1e-12).sqrt());
            } else {
                l.set(i, j, sum / l.at(j, j));
            }
        }
    }
    // (A⁻¹)_jj = ‖L⁻¹ e_j‖²: solve L z = e_j by forward substitution.
    (0..n)
        .map(|j| {
            let mut z = vec![0.0; n];
            for i in j..n {
                let mut sum = if i == j { 1.0 } else { 0.0 };
                for k in j..i {
                    sum -= l.at(i, k) * z[k];
                }
                z[i] = sum / l.at(i, i);
            }
            z.iter().map(|v| v * v).sum()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn least_squares_recovers_a_line_and_respects_bounds() {
        // y = 2 + 3x exactly.
        let xs = [0.0, 1.0, 2.0, 3.0, 4.0];
        let mut x = Matrix::zeros(5, 2);
        let mut y = vec![0.0; 5];
        for (r, &v) in xs.iter().enumerate() {
            x.set(r, 0, 1.0);
            x.set(r, 1, v);
            y[r] = 2.0 + 3.0 * v;
        }
        let (g, h) = x.normal_equations(&y);
        let beta = bounded_least_squares(&g, &h, &[false, true]);
        assert!(
            (beta[0] - 2.0).abs() < 1e-6 && (beta[1] - 3.0).abs() < 1e-6,
            "{beta:?}"
        );
        // A falling line with the slope kept ≥ 0: the slope sits at 0, the mean is fitted.
        let down: Vec<f64> = xs.iter().map(|v| 10.0 - v).collect();
        let (g, h) = x.normal_equations(&down);
        let beta = bounded_least_squares(&g, &h, &[false, true]);
        assert_eq!(beta[1], 0.0);
        assert!((beta[0] - 8.0).abs() < 1e-6, "{beta:?}");
    }

    #[test]
    fn the_inverse_diagonal_matches_a_hand_inverse() {
        // [[4, 2], [2, 3]]⁻¹ = [[3, -2], [-2, 4]] / 8.
        let a = Matrix {
            rows: 2,
            cols: 2,
            data: vec![4.0, 2.0, 2.0, 3.0],
        };
        let d = inverse_diagonal(&a);
        assert!(
            (d[0] - 3.0 / 8.0).abs() < 1e-6 && (d[1] - 0.5).abs() < 1e-6,
            "{d:?}"
        );
    }
}
