//! A classic-BPF program for seccomp, the small assembler that builds it, and
//! its one-call installation in the container child.

use nix::errno::Errno;

/// Where a conditional jump goes: the next instruction or a label.
#[derive(Clone, Copy, Debug)]
pub(super) enum Target {
    Next,
    To(Label),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Label(usize);

#[derive(Clone, Copy, Debug)]
enum Insn {
    Stmt {
        code: u16,
        k: u32,
    },
    Cond {
        code: u16,
        k: u32,
        jt: Target,
        jf: Target,
    },
    Always(Label),
}

/// Comparisons a conditional jump can make against the accumulator.
#[derive(Clone, Copy, Debug)]
pub(super) enum Cmp {
    Eq,
    Gt,
    Ge,
}

/// The program did not fit classic BPF's limits.
#[derive(Debug, thiserror::Error)]
pub enum TooLarge {
    #[error("the filter has {0} instructions; the kernel takes at most 4096")]
    Instructions(usize),
    #[error("a rule needs a jump of {0} instructions; classic BPF jumps at most 255")]
    Jump(usize),
}

/// Builds a program from instructions and forward labels.
#[derive(Default)]
pub(super) struct Assembler {
    insns: Vec<Insn>,
    labels: Vec<Option<usize>>,
}

impl Assembler {
    pub fn label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() - 1)
    }

    /// Places `label` at the next instruction.
    pub fn bind(&mut self, label: Label) {
        self.labels[label.0] = Some(self.insns.len());
    }

    /// Loads the 32-bit word at `offset` of `struct seccomp_data`.
    pub fn load(&mut self, offset: u32) {
        let code = libc::BPF_LD | libc::BPF_W | libc::BPF_ABS;
        self.insns.push(Insn::Stmt {
            code: code as u16,
            k: offset,
        });
    }

    /// Accumulator &= `mask`.
    pub fn and(&mut self, mask: u32) {
        let code = libc::BPF_ALU | libc::BPF_AND | libc::BPF_K;
        self.insns.push(Insn::Stmt {
            code: code as u16,
            k: mask,
        });
    }

    pub fn ret(&mut self, action: u32) {
        let code = libc::BPF_RET | libc::BPF_K;
        self.insns.push(Insn::Stmt {
            code: code as u16,
            k: action,
        });
    }

    /// If `accumulator <cmp> k` go to `jt`, else to `jf`.
    pub fn jump_if(&mut self, cmp: Cmp, k: u32, jt: Target, jf: Target) {
        let op = match cmp {
            Cmp::Eq => libc::BPF_JEQ,
            Cmp::Gt => libc::BPF_JGT,
            Cmp::Ge => libc::BPF_JGE,
        };
        let code = (libc::BPF_JMP | op | libc::BPF_K) as u16;
        self.insns.push(Insn::Cond { code, k, jt, jf });
    }

    /// An unconditional jump, which may go any distance.
    pub fn jump(&mut self, to: Label) {
        self.insns.push(Insn::Always(to));
    }

    pub fn finish(self) -> Result<BpfProgram, TooLarge> {
        if self.insns.len() > libc::BPF_MAXINSNS as usize {
            return Err(TooLarge::Instructions(self.insns.len()));
        }
        let offset = |pc: usize, target: Target| -> Result<usize, TooLarge> {
            match target {
                Target::Next => Ok(0),
                Target::To(label) => {
                    let at = self.labels[label.0].expect("every label used is bound");
                    Ok(at - pc - 1)
                }
            }
        };
        let short = |distance: usize| u8::try_from(distance).map_err(|_| TooLarge::Jump(distance));
        let mut out = Vec::with_capacity(self.insns.len());
        for (pc, insn) in self.insns.iter().enumerate() {
            out.push(match *insn {
                Insn::Stmt { code, k } => filter(code, 0, 0, k),
                Insn::Cond { code, k, jt, jf } => {
                    filter(code, short(offset(pc, jt)?)?, short(offset(pc, jf)?)?, k)
                }
                Insn::Always(to) => {
                    let code = (libc::BPF_JMP | libc::BPF_JA) as u16;
                    filter(code, 0, 0, offset(pc, Target::To(to))? as u32)
                }
            });
        }
        Ok(BpfProgram {
            insns: out.into_boxed_slice(),
            flags: 0,
        })
    }
}

fn filter(code: u16, jt: u8, jf: u8, k: u32) -> libc::sock_filter {
    libc::sock_filter { code, jt, jf, k }
}

/// A compiled seccomp filter, ready to install with one system call.
#[derive(Clone)]
pub struct BpfProgram {
    insns: Box<[libc::sock_filter]>,
    /// `SECCOMP_FILTER_FLAG_*` bits for `seccomp(2)`.
    pub(super) flags: libc::c_ulong,
}

/// A stored filter that is not one [`BpfProgram::to_bytes`] wrote.
#[derive(Debug, thiserror::Error)]
#[error(
    "{0} bytes are not a stored seccomp filter (8 bytes of flags, then 1 to 4096 instructions of 8 bytes)"
)]
pub struct BadFilter(usize);

/// Bytes of one stored instruction, and of the flags before them.
const INSN_BYTES: usize = 8;

impl BpfProgram {
    /// The program as stored beside a container's record: the
    /// `seccomp(2)` flags, then each instruction (code, jt, jf, k), little-endian.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(INSN_BYTES * (1 + self.insns.len()));
        bytes.extend_from_slice(&self.flags.to_le_bytes());
        for insn in &self.insns {
            bytes.extend_from_slice(&insn.code.to_le_bytes());
            bytes.extend_from_slice(&[insn.jt, insn.jf]);
            bytes.extend_from_slice(&insn.k.to_le_bytes());
        }
        bytes
    }

    /// A program [`BpfProgram::to_bytes`] stored. Only the shape is checked:
    /// the kernel verifies the program when it is installed.
    pub fn from_bytes(bytes: &[u8]) -> Result<BpfProgram, BadFilter> {
        let count = (bytes.len() / INSN_BYTES).saturating_sub(1);
        if bytes.len() % INSN_BYTES != 0 || !(1..=libc::BPF_MAXINSNS as usize).contains(&count) {
            return Err(BadFilter(bytes.len()));
        }
        let (flags, insns) = bytes.split_at(INSN_BYTES);
        let flags = libc::c_ulong::from_le_bytes(flags.try_into().expect("8 bytes"));
        Ok(BpfProgram {
            insns: insns
                .chunks_exact(INSN_BYTES)
                .map(|b| {
                    filter(
                        u16::from_le_bytes([b[0], b[1]]),
                        b[2],
                        b[3],
                        u32::from_le_bytes([b[4], b[5], b[6], b[7]]),
                    )
                })
                .collect(),
            flags,
        })
    }

    /// Number of instructions.
    pub fn len(&self) -> usize {
        self.insns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.insns.is_empty()
    }

    /// Installs the filter on the calling thread: one `seccomp(2)` call, no
    /// allocation. Needs `no_new_privs` or CAP_SYS_ADMIN.
    pub fn install(&self) -> nix::Result<()> {
        let prog = libc::sock_fprog {
            // `finish` checked the length fits BPF_MAXINSNS.
            len: self.insns.len() as libc::c_ushort,
            // The kernel only reads the instructions; the pointer is `*mut` in the C type.
            filter: self.insns.as_ptr() as *mut libc::sock_filter,
        };
        // SAFETY: prog points at a valid, live instruction array of `len` entries.
        let rc = unsafe {
            libc::syscall(
                libc::SYS_seccomp,
                libc::SECCOMP_SET_MODE_FILTER,
                self.flags,
                &prog as *const libc::sock_fprog,
            )
        };
        Errno::result(rc).map(drop)
    }

    /// Runs the program on one system call as the kernel would, for tests.
    #[cfg(test)]
    pub(super) fn run(&self, data: &libc::seccomp_data) -> u32 {
        let word = |offset: u32| -> u32 {
            let mut bytes = [0u8; 64];
            bytes[0..4].copy_from_slice(&data.nr.to_ne_bytes());
            bytes[4..8].copy_from_slice(&data.arch.to_ne_bytes());
            bytes[8..16].copy_from_slice(&data.instruction_pointer.to_ne_bytes());
            for (i, arg) in data.args.iter().enumerate() {
                bytes[16 + 8 * i..24 + 8 * i].copy_from_slice(&arg.to_ne_bytes());
            }
            let at = offset as usize;
            u32::from_ne_bytes(bytes[at..at + 4].try_into().unwrap())
        };
        let (mut pc, mut acc) = (0usize, 0u32);
        loop {
            let insn = self.insns[pc];
            let class = u32::from(insn.code) & 0x07;
            let op = u32::from(insn.code) & 0xf0;
            pc += 1;
            match class {
                c if c == libc::BPF_LD => acc = word(insn.k),
                c if c == libc::BPF_ALU => acc &= insn.k,
                c if c == libc::BPF_RET => return insn.k,
                c if c == libc::BPF_JMP => {
                    let taken = match op {
                        o if o == libc::BPF_JA => {
                            pc += insn.k as usize;
                            continue;
                        }
                        o if o == libc::BPF_JEQ => acc == insn.k,
                        o if o == libc::BPF_JGT => acc > insn.k,
                        o if o == libc::BPF_JGE => acc >= insn.k,
                        other => panic!("unexpected jump {other:#x}"),
                    };
                    pc += usize::from(if taken { insn.jt } else { insn.jf });
                }
                other => panic!("unexpected class {other:#x}"),
            }
        }
    }
}

impl std::fmt::Debug for BpfProgram {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "BpfProgram({} instructions)", self.insns.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_resolve_to_relative_offsets() {
        let mut asm = Assembler::default();
        let (yes, far) = (asm.label(), asm.label());
        asm.load(0);
        asm.jump_if(Cmp::Eq, 7, Target::To(yes), Target::Next);
        asm.jump(far);
        asm.bind(yes);
        asm.ret(1);
        asm.bind(far);
        asm.ret(2);
        let prog = asm.finish().unwrap();
        assert_eq!((prog.insns[1].jt, prog.insns[1].jf), (1, 0));
        assert_eq!(prog.insns[2].k, 1);
        let call = |nr| libc::seccomp_data {
            nr,
            arch: 0,
            instruction_pointer: 0,
            args: [0; 6],
        };
        assert_eq!(prog.run(&call(7)), 1);
        assert_eq!(prog.run(&call(8)), 2);
        // Stored and read back, it is the same program.
        let mut stored = prog.clone();
        stored.flags = 2;
        let bytes = stored.to_bytes();
        assert_eq!(bytes.len(), 8 * (1 + prog.len()));
        let read = BpfProgram::from_bytes(&bytes).unwrap();
        assert_eq!((read.flags, read.to_bytes()), (2, bytes.clone()));
        assert_eq!(read.run(&call(7)), 1);
        assert_eq!(read.run(&call(8)), 2);
        for bad in [&bytes[..8], &bytes[..13], &[][..]] {
            assert!(BpfProgram::from_bytes(bad).is_err(), "{} bytes", bad.len());
        }
    }

    #[test]
    fn a_conditional_jump_past_255_is_refused() {
        let mut asm = Assembler::default();
        let end = asm.label();
        asm.load(0);
        asm.jump_if(Cmp::Eq, 1, Target::To(end), Target::Next);
        for _ in 0..300 {
            asm.ret(0);
        }
        asm.bind(end);
        asm.ret(1);
        assert!(matches!(asm.finish(), Err(TooLarge::Jump(300))));
    }
}
