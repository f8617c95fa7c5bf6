# SPDX-License-Identifier: MulanPSL-2.0
"""A minimal OpenFisca country package: one entity, the inputs of A1.07.a and
its formula, for a benchmark against libdgsubsidy (bench/openfisca/bench_openfisca.py).

Money is int64 fen, as in the library, so the results can be compared exactly:
OpenFisca's `int` is int32 (too small for fen) and its `float` is float32
(inexact), so the money variables widen their dtype to int64.  The parameters
are the printed values of 附件1（七）, in fen, with the ratio as an exact
numerator and denominator.
"""
import os

import numpy

from openfisca_core.entities import build_entity
from openfisca_core.periods import DateUnit
from openfisca_core.taxbenefitsystems import TaxBenefitSystem
from openfisca_core.variables import Variable

Enterprise = build_entity(
    key="enterprise", plural="enterprises", label="An enterprise applying for a subsidy",
    is_person=True)


class Fen(Variable):
    """Money in int64 fen.  (OpenFisca reads value_type, entity and
    definition_period from each variable's own class body, so each repeats them.)"""

    def __init__(self, baseline_variable=None):
        super().__init__(baseline_variable)
        self.dtype = numpy.int64


class financed_amount(Fen):
    value_type = int
    entity = Enterprise
    definition_period = DateUnit.YEAR
    label = "当年融资租赁合同融资额 (fen)"


class interest_paid(Fen):
    value_type = int
    entity = Enterprise
    definition_period = DateUnit.YEAR
    label = "企业实际发生利息 (fen)"


class a1_07_a_award(Fen):
    value_type = int
    entity = Enterprise
    definition_period = DateUnit.YEAR
    label = "A1.07.a 融资租赁贴息 (fen)"
    reference = "东府〔2024〕1号 附件1（七）"

    def formula(enterprise, period, parameters):
        p = parameters(period).a1_07_a
        financed = enterprise("financed_amount", period)
        interest = enterprise("interest_paid", period)
        counted = numpy.minimum(financed, int(p.max_counted_financing))        # 不高于3000万元
        award = counted * int(p.ratio_numerator) // int(p.ratio_denominator)    # 融资额的5%, floored
        award = numpy.minimum(award, int(p.cap_per_year))                      # 每年最高150万元
        return numpy.minimum(award, interest)                                  # 不超过实际发生利息


class DongguanSubsidies(TaxBenefitSystem):
    def __init__(self):
        super().__init__([Enterprise])
        for variable in (financed_amount, interest_paid, a1_07_a_award):
            self.add_variable(variable)
        self.load_parameters(os.path.join(os.path.dirname(__file__), "parameters"))


CountryTaxBenefitSystem = DongguanSubsidies
