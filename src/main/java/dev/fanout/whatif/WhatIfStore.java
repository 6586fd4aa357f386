package dev.fanout.whatif;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.fanout.persistence.PlanEntity;
import dev.fanout.persistence.WhatIfEntity;

/** Keeps the last what-if comparison of each plan. */
@ApplicationScoped
public class WhatIfStore {

    private final ObjectMapper mapper;

    public WhatIfStore(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Replaces the plan's last comparison; does nothing if the plan was deleted meanwhile. */
    @Transactional
    public void save(String planId, WhatIfResult result) {
        if (PlanEntity.findById(planId) == null) {
            return;
        }
        String json;
        try {
            json = mapper.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store a what-if result", e);
        }
        WhatIfEntity entity = WhatIfEntity.findById(planId);
        boolean fresh = entity == null;
        if (fresh) {
            entity = new WhatIfEntity();
            entity.planId = planId;
        }
        entity.result = json;
        entity.createdAt = result.createdAt();
        if (fresh) {
            entity.persist();
        }
    }

    @Transactional
    public Optional<WhatIfResult> find(String planId) {
        return WhatIfEntity.<WhatIfEntity>findByIdOptional(planId).map(entity -> {
            try {
                return mapper.readValue(entity.result, WhatIfResult.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable stored what-if result of plan " + planId, e);
            }
        });
    }
}
